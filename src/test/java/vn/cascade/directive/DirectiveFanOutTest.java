package vn.cascade.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.FanOutNow;
import vn.cascade.TestDocuments;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;

/**
 * Issuing a directive commits the directive, its assignment rows and one job per chunk of 25
 * assignments, and nothing more: the assignments' instances are started by those jobs, in the letter's
 * order, a chunk's together in its own transaction, so that a failure in the middle is retried by
 * itself and never starts an assignment twice. The directive's page shows how far it has come. Here
 * the jobs are run by the test ({@link FanOutNow} paused); Directory2025ApplicationTest lets the job
 * executor run them.
 */
class DirectiveFanOutTest extends CascadeIntegrationTest {

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AgencyDirectory agencies;
  @Autowired FanOutNow.Runner fanOut;
  @Autowired TestRestTemplate http;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void pauseFanOut() {
    fanOut.pause();
  }

  @AfterEach
  void resumeFanOut() {
    fanOut.resume();
  }

  @Test
  void issuingCommitsOneJobPerChunkAndTheJobsStartThemInOrderRetryingAFailedChunkWithoutADuplicate() {
    // Every department and every district twice, one item each: 70 assignments, chunks of 25, 25 and 20.
    List<String> codes = new ArrayList<>();
    agencies.ofKind(AgencyKind.DEPARTMENT).stream().map(Agency::code).forEach(codes::add);
    agencies.ofKind(AgencyKind.DISTRICT).stream().map(Agency::code).forEach(codes::add);
    List<String> twice = new ArrayList<>(codes);
    twice.addAll(codes);
    Directive d = directives.issue(TestDocuments.directive(LocalDate.now(clock), twice.toArray(String[]::new)));
    int total = 2 * codes.size();
    assertThat(total).as("three chunks, the last one short").isBetween(51, 74);

    // Committed: the directive, every assignment row, one waiting job per chunk; no instance, no task yet.
    List<Assignment> rows = assignments.ofDirective(d.id());
    assertThat(rows).hasSize(total).allSatisfy(a -> assertThat(a.processInstanceId()).isNull());
    assertThat(instancesOf(d)).isZero();
    List<Job> jobs = fanOutJobs(d);
    assertThat(jobs).hasSize(3);
    assertThat(page(d)).contains("đã giao 0/" + total);

    // In the letter's order: item by item, chunk by chunk, each assignment in exactly one chunk.
    List<Long> inJobOrder = jobs.stream()
        .flatMap(j -> java.util.Arrays.stream(((String) runtimeService.getVariable(j.getExecutionId(), "fanOutChunk")).split(",")))
        .map(Long::valueOf).toList();
    assertThat(inJobOrder).isEqualTo(rows.stream().map(Assignment::id).toList());

    // The first chunk is started; then the second fails: one of its rows is not there (a database
    // fault of the moment), so that instance cannot be linked and the chunk's transaction rolls back whole.
    managementService.executeJob(jobs.get(0).getId());
    assertThat(instancesOf(d)).isEqualTo(25);
    assertThat(page(d)).contains("đã giao 25/" + total);
    long missingId = rows.get(30).id();
    java.util.Map<String, Object> missingRow = jdbc.sql("select * from cascade_assignment where id = :id")
        .param("id", missingId).query().singleRow();
    jdbc.sql("delete from cascade_assignment where id = :id").param("id", missingId).update();
    Job failing = jobs.get(1);
    assertThatThrownBy(() -> managementService.executeJob(failing.getId()));
    Job failed = managementService.createJobQuery().jobId(failing.getId()).singleResult();
    assertThat(failed.getRetries()).as("R5/PT1M: four retries left").isEqualTo(4);
    assertThat(failed.getDuedate()).as("retried a minute later").isAfter(java.util.Date.from(Instant.now().plusSeconds(30)));
    assertThat(instancesOf(d)).as("the failed chunk left none of its instances behind").isEqualTo(25);
    assertThat(assignments.ofDirective(d.id()).stream().filter(a -> a.processInstanceId() != null).count()).isEqualTo(25);
    String partly = page(d);
    // (while its row is missing, the directive and the chunk count one assignment less)
    assertThat(partly).contains("đã giao 25/" + (total - 1), "24 nhiệm vụ giao chưa được, hệ thống sẽ tự thử lại.");

    // With no retry left it says so, for an administrator to act on.
    managementService.setJobRetries(failing.getId(), 0);
    assertThat(page(d)).contains("24 nhiệm vụ đã thử lại nhiều lần vẫn chưa giao được").doesNotContain("tự thử lại");

    // The row is back, the job is retried (as Cockpit's "retry" does) and the rest run.
    jdbc.sql("insert into cascade_assignment (" + String.join(", ", missingRow.keySet()) + ") values ("
        + String.join(", ", missingRow.keySet().stream().map(k -> ":" + k).toList()) + ")").params(missingRow).update();
    managementService.setJobRetries(failing.getId(), 1);
    for (Job job : jobs.subList(1, 3)) {
      managementService.executeJob(job.getId());
    }
    assertThat(fanOutJobs(d)).isEmpty();
    assertThat(instancesOf(d)).as("every assignment started once").isEqualTo(total);
    assertThat(assignments.ofDirective(d.id())).allSatisfy(a -> assertThat(a.processInstanceId()).isNotNull())
        .extracting(Assignment::processInstanceId).doesNotHaveDuplicates();
    for (String agency : List.of("so-yt", "ubnd-long-thanh")) {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(d.number())
          .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).taskCandidateGroup(agency).count())
          .as(agency).isEqualTo(2);
    }
    assertThat(page(d)).contains("đã giao " + total + "/" + total + " nhiệm vụ: mọi cơ quan đã nhận nhiệm vụ trong Tasklist")
        .doesNotContain("giao chưa được");
  }

  @Test
  void theIssueRequestAnswersBeforeAnyAssignmentStarts() {
    ResponseEntity<String> created = http.withBasicAuth("vp-ubnd", "demo").postForEntity("/api/directives",
        TestDocuments.directive(LocalDate.now(clock), "so-yt", "so-tc", "ubnd-bien-hoa"), String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Directive d = directives.all().stream().max(java.util.Comparator.comparing(Directive::id)).orElseThrow();
    assertThat(fanOutJobs(d)).as("one chunk").hasSize(1);
    assertThat(instancesOf(d)).isZero();
    fanOut.runFanOut(d.processInstanceId());
    assertThat(instancesOf(d)).isEqualTo(3);
  }

  private long instancesOf(Directive d) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(AgencyAssignmentProcess.KEY)
        .superProcessInstanceId(directives.get(d.id()).processInstanceId()).count();
  }

  private List<Job> fanOutJobs(Directive d) {
    return managementService.createJobQuery().processInstanceId(directives.get(d.id()).processInstanceId())
        .activityId(DirectiveProcess.SUBPROCESS_FAN_OUT).orderByJobPriority().desc().list();
  }

  private String page(Directive d) {
    ResponseEntity<String> r = http.withBasicAuth("vp-ubnd", "demo").getForEntity("/dashboard/directives/" + d.id(), String.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return r.getBody().replaceAll("\\s+", " ");
  }
}
