package vn.cascade.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.reminder.NotificationOutbox;

/**
 * Two Cascade nodes on one PostgreSQL database, each with its own job executor racing the other
 * for the same jobs, as in production behind a load balancer.
 *
 * <p>{@code -Dcascade.cluster.broken=true} starts the nodes with the idempotency check off: the
 * same scenario must then fail its exactly-once check (see {@link BrokenIdempotencyClusterTest}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

  static final boolean BROKEN = Boolean.getBoolean("cascade.cluster.broken");
  static final int DIRECTIVES = 10; // × 5 agencies = 50 assignments
  static final int SMTP_PORT = freePort();

  static ClusterNode nodeA;
  static ClusterNode nodeB;
  GreenMail smtp;

  @BeforeAll
  static void startTwoNodesOnOneDatabase() {
    String db = ClusterDatabase.create(BROKEN ? "cluster_broken_switch" : "cluster");
    String[] settings = BROKEN ? new String[] {"--cascade.reminders.idempotency-check=false"} : new String[0];
    nodeA = ClusterNode.start("clusterNodeA", db, SMTP_PORT, settings);
    nodeB = ClusterNode.start("clusterNodeB", db, SMTP_PORT, settings);
  }

  @AfterAll
  static void stopNodes() {
    for (ClusterNode node : new ClusterNode[] {nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @BeforeEach
  void startMailServer() {
    smtp = mailServer(SMTP_PORT);
    smtp.start();
  }

  @AfterEach
  void stopMailServer() {
    smtp.stop();
  }

  static GreenMail mailServer(int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<ClusterNode> nodes() {
    return List.of(nodeA, nodeB);
  }

  @Test
  @Order(1)
  void everyDigestIsMailedOnceAndEveryReportIsRecordedOnceWhateverNodeHandlesIt() throws Exception {
    long start = System.nanoTime();
    ProcessEngine a = nodeA.engine();
    // Both nodes deployed the same models at start-up; duplicate filtering kept one version.
    assertThat(a.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AgencyAssignmentProcess.KEY).count()).isEqualTo(1);

    Batch batch = Batch.issue(nodes(), DIRECTIVES, Batch.AGENCIES);
    int expected = DIRECTIVES * Batch.AGENCIES.length;
    assertThat(batch.assignments).hasSize(expected);

    System.out.printf("[cluster] %d directives issued after %.1f s%n", DIRECTIVES, (System.nanoTime() - start) / 1e9);
    // One morning: each agency has DIRECTIVES reminders due, in one digest.
    int digests = Batch.AGENCIES.length;

    // The first send on each node takes twice the job lock time, so that its job is acquired a second time
    // mid-send and run by a free job thread, of either node.
    nodeA.mail().slowDown(1, Duration.ofMillis(2L * ClusterNode.LOCK_MILLIS));
    nodeB.mail().slowDown(1, Duration.ofMillis(2L * ClusterNode.LOCK_MILLIS));
    batch.morning(nodeA);
    batch.awaitSent(nodeA, digests);
    // Every send under way has ended (a duplicate, if any, has reached the mail server).
    nodeA.mail().awaitIdle(Duration.ofSeconds(60));
    nodeB.mail().awaitIdle(Duration.ofSeconds(60));
    System.out.printf("[cluster] digests sent after %.1f s%n", (System.nanoTime() - start) / 1e9);
    MailCheck reminders = MailCheck.of(smtp, batch.outbox(nodeA));
    JobLog afterReminders = JobLog.of(a);
    System.out.println("[cluster] digests: " + reminders);
    System.out.println("[cluster] " + afterReminders);
    assertExactlyOnce(reminders, digests);
    assertThat(batch.outbox(nodeA)).allSatisfy(e -> assertThat(nodeA.bean(NotificationOutbox.class)
        .itemsOf(List.of(e.id())).get(e.id())).hasSize(DIRECTIVES));
    assertThat(afterReminders.claimHeld()).as("slow sends whose jobs another attempt found claimed").isPositive();

    // Every agency reports and is accepted, on either node, from four threads at once.
    int submissionConflicts = Submissions.submitAll(nodes(), batch, 4);
    System.out.printf("[cluster] reports submitted after %.1f s%n", (System.nanoTime() - start) / 1e9);
    Set<String> instances = batch.assignmentInstances();
    Batch.await("every assignment delivered to its collector", Duration.ofSeconds(120),
        () -> a.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AgencyAssignmentProcess.KEY)
            .list().stream().noneMatch(pi -> instances.contains(pi.getId()))
            && collectingTasks(a, batch) == DIRECTIVES,
        () -> collectingTasks(a, batch) + " directives in collection; " + JobLog.of(a));

    List<String> lost = new ArrayList<>();
    for (var assignment : batch.assignments) {
      int versions = nodeA.jdbc().sql("select count(*) from cascade_report_version where assignment_id = :id")
          .param("id", assignment.id()).query(Integer.class).single();
      String status = nodeA.jdbc().sql("select review_status from cascade_assignment where id = :id and reported_at is not null")
          .param("id", assignment.id()).query(String.class).optional().orElse("not reported");
      if (versions != 1 || !"ACCEPTED".equals(status)) {
        lost.add(assignment.agencyCode() + " of directive " + assignment.directiveId() + ": " + versions
            + " report version(s), " + status);
      }
    }
    assertThat(lost).as("reports lost or recorded twice").isEmpty();
    assertThat(a.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(instances).list())
        .hasSize(expected).extracting(HistoricProcessInstance::getState).containsOnly("COMPLETED");
    assertThat(a.getRuntimeService().createIncidentQuery().count()).isZero();

    MailCheck all = MailCheck.of(smtp, batch.outbox(nodeA));
    JobLog log = JobLog.of(a);
    System.out.printf("[cluster] %d directives, %d assignments, 2 nodes, %.1f s%n", DIRECTIVES, expected,
        (System.nanoTime() - start) / 1e9);
    System.out.println("[cluster] mails: " + all);
    System.out.println("[cluster] " + log);
    System.out.println("[cluster] conflicts met by the submissions themselves (retried): " + submissionConflicts);
    assertExactlyOnce(all, digests);
    assertThat(log.executedByNode()).as("both job executors ran jobs").containsKeys(nodeA.name, nodeB.name);
    assertThat(log.otherFailures()).isEmpty();
  }

  @Test
  @Order(2)
  void aMailServerOutageDuringAMorningEndsWithEveryDigestDeliveredOnceAndNoIncidentLeft() {
    ProcessEngine a = nodeA.engine();
    JobLog before = JobLog.of(a);
    Batch batch = Batch.issue(nodes(), 4, Batch.AGENCIES);
    int expected = Batch.AGENCIES.length;

    smtp.stop();
    // The morning comes while the mail server is down: each send is tried 5 times, 2 s apart
    // (retry-cycle R5/PT2S here), and then becomes an incident.
    batch.morning(nodeA);
    Batch.await("a send out of retries", Duration.ofSeconds(90), () -> incidents(a).size() >= 1,
        () -> batch.outbox(nodeA).size() + " outbox rows; " + JobLog.of(a).since(before));
    Batch.await("every digest tried", Duration.ofSeconds(60),
        () -> batch.outbox(nodeA).size() == expected
            && batch.outbox(nodeA).stream().allMatch(e -> e.attempts() >= 1 && e.lastError() != null),
        () -> batch.outbox(nodeA).size() + " outbox rows");

    smtp = mailServer(SMTP_PORT);
    smtp.start();
    // The retry cycle delivers whatever still has retries left; the rest wait as incidents.
    Batch.await("every send delivered or an incident", Duration.ofSeconds(60),
        () -> Batch.morningJobs(a).stream().allMatch(j -> j.getRetries() == 0)
            && batch.outbox(nodeA).stream().filter(e -> e.status() == NotificationOutbox.Status.SENT).count()
                + Batch.morningJobs(a).size() == expected,
        () -> Batch.morningJobs(a).size() + " jobs of the morning run left; " + JobLog.of(a).since(before));
    var incidents = incidents(a);
    assertThat(incidents).isNotEmpty();
    // The one action in Cockpit: the incident's "Retry" (increment the job's retries), that is:
    for (var incident : incidents) {
      a.getManagementService().setJobRetries(incident.getConfiguration(), 1);
    }
    batch.awaitSent(nodeA, expected);

    MailCheck check = MailCheck.of(smtp, batch.outbox(nodeA));
    long byRetryCycle = expected - incidents.size();
    JobLog log = JobLog.of(a).since(before);
    System.out.printf("[outage] %d digests due with the mail server down: %d delivered by the retry cycle, "
        + "%d became incidents and were delivered after Cockpit's Retry%n", expected, byRetryCycle, incidents.size());
    System.out.println("[outage] mails: " + check);
    System.out.println("[outage] " + log);
    assertExactlyOnce(check, expected);
    assertThat(incidents(a)).isEmpty();
    assertThat(a.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  /** The incidents of the morning run (its sends out of retries). */
  static List<org.camunda.bpm.engine.runtime.Incident> incidents(ProcessEngine engine) {
    return engine.getRuntimeService().createIncidentQuery().list().stream()
        .filter(i -> i.getProcessDefinitionId().startsWith(vn.cascade.reminder.MorningDigestProcess.KEY + ":"))
        .toList();
  }

  static List<org.camunda.bpm.engine.runtime.Incident> incidents(ProcessEngine engine, Set<String> instances) {
    return engine.getRuntimeService().createIncidentQuery().list().stream()
        .filter(i -> instances.contains(i.getProcessInstanceId())).toList();
  }

  static int collectingTasks(ProcessEngine engine, Batch batch) {
    int n = 0;
    for (Directive d : batch.directives) {
      n += (int) engine.getTaskService().createTaskQuery().processInstanceId(d.processInstanceId())
          .taskDefinitionKey(DirectiveProcess.TASK_COLLECT_REPORTS).count();
    }
    return n;
  }

  static void assertExactlyOnce(MailCheck check, int notifications) {
    if (!check.exactlyOnce() || check.notifications() != notifications) {
      throw new AssertionError("Not exactly once (expected " + notifications + " notifications): " + check);
    }
  }
}
