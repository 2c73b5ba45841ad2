package vn.cascade.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.cascade.TestDocuments;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.directive.DirectiveService;

/**
 * The application started on the directory after 1 July 2025, chosen by the property: every
 * commune is a group with a demo user, the 2020 demo case is left out, and a directive to "các sở,
 * ngành và UBND các xã, phường" gives a task to every department and every xã and phường.
 * A context of its own, closed after the class, so one test class only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cascade.agencies.directory=classpath:agencies/dong-nai-2025.yaml",
    "spring.datasource.url=jdbc:h2:mem:cascade-test-2025;DB_CLOSE_DELAY=-1",
    // The job executor runs here, as on a server: it starts the assignments of the fan-out.
    "camunda.bpm.job-execution.enabled=true",
    "spring.mail.host=localhost",
    "spring.mail.port=${cascade.test.smtp-port:3025}",
    // Its own engine name and no webapps, as DemoCascadePostgresTest: engine-rest and the webapps
    // look the engine up by name and keep the last started context, and the H2 suite's must stay.
    "camunda.bpm.process-engine-name=directory2025",
    "camunda.bpm.webapp.enabled=false"
})
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Directory2025ApplicationTest {

  @Autowired TestRestTemplate anonymous;
  @Autowired ObjectMapper json;
  @Autowired AgencyDirectory agencies;
  @Autowired DirectiveService directives;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @Test
  void directiveToTheDepartmentsAndTheCommunesGivesEveryOneOfThemItsTask() throws InterruptedException {
    assertThat(agencies.ofKind(AgencyKind.COMMUNE)).hasSize(95);
    assertThat(identityService.createGroupQuery().groupType("commune").count()).isEqualTo(95);
    assertThat(identityService.createUserQuery().memberOfGroup("ubnd-xa-phu-ly").singleResult().getEmail())
        .isEqualTo("ubnd-xa-phu-ly@dongnai.example");
    assertThat(directives.all()).as("the 2020 demo case is not loaded").isEmpty();

    // Item 1 to every department and commune, item 2 to every department again: 125 assignments and more.
    ObjectNode body = json.valueToTree(TestDocuments.directive(LocalDate.now(), "so-tc", "so-tc"));
    body.put("collectingAgency", "so-tc");
    ((ObjectNode) body.withArray("items").get(0)).set("agencies",
        json.createArrayNode().add("các sở, ngành").add("UBND các xã, phường"));
    ((ObjectNode) body.withArray("items").get(1)).set("agencies", json.createArrayNode().add("các sở, ngành"));
    long sent = System.nanoTime();
    ResponseEntity<JsonNode> created = post(body);
    long answeredMillis = (System.nanoTime() - sent) / 1_000_000;
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    // Accepted with every assignment row; the job executor then starts their instances in the background.
    int expected = 2 * agencies.ofKind(AgencyKind.DEPARTMENT).size() + 95;
    assertThat(expected).isGreaterThanOrEqualTo(125);
    assertThat(directives.all()).singleElement()
        .satisfies(d -> assertThat(directives.view(d.id()).assignments()).hasSize(expected));
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
    long tasks;
    while ((tasks = taskService.createTaskQuery().taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS)
        .count()) < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    // Printed, not asserted: the times are BENCHMARKS.md's (LoadBenchmark's fan-out phase).
    System.out.printf("fan-out of %d assignments: request answered in %d ms, every task after %d ms%n",
        expected, answeredMillis, (System.nanoTime() - sent) / 1_000_000);
    assertThat(tasks).isEqualTo(expected);
    long id = directives.all().get(0).id();
    String page = anonymous.withBasicAuth("vp-ubnd", "demo").getForObject("/dashboard/directives/" + id, String.class);
    assertThat(page).contains("đã giao " + expected + "/" + expected);
    assertThat(taskService.createTaskQuery().taskCandidateGroup("so-nnmt").count()).as("so-nnmt, on both items").isEqualTo(2);
    for (String agency : new String[] {"ubnd-phuong-tran-bien", "ubnd-xa-loc-thanh-25280"}) {
      assertThat(taskService.createTaskQuery().taskCandidateGroup(agency).count()).as(agency).isEqualTo(1);
    }
  }

  @Test
  void directiveToTheDistrictsIsRefusedWithAVietnameseMessageAndStartsNothing() {
    ObjectNode body = json.valueToTree(TestDocuments.directive(LocalDate.now(), "so-tc"));
    body.put("collectingAgency", "so-tc");
    ((ObjectNode) body.withArray("items").get(0)).set("agencies",
        json.createArrayNode().add("all:department").add("UBND các huyện, thành phố"));
    int before = directives.all().size();
    ResponseEntity<JsonNode> refused = post(body);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((ArrayNode) refused.getBody().get("errors")).anySatisfy(e -> {
      assertThat(e.get("field").asText()).isEqualTo("items[0].agencies[1]");
      assertThat(e.get("message").asText()).contains("không có UBND các huyện, thành phố", "xin giao cho UBND các xã, phường");
    });
    assertThat(directives.all()).hasSize(before);
  }

  private ResponseEntity<JsonNode> post(ObjectNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous.withBasicAuth("vp-ubnd", "demo")
        .exchange("/api/directives", HttpMethod.POST, new HttpEntity<>(body.toString(), headers), JsonNode.class);
  }
}
