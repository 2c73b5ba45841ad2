package vn.cascade;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the H2 test suite: the application as it runs by default (demo
 * profile, demo case loaded), on an in-memory H2, with the job executor off so that tests run
 * jobs themselves, and a clock tests can move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:cascade-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.eventing.execution=true", // FanOutNow listens to the end of the fan-out's preparation
    "spring.mail.host=localhost",
    "spring.mail.port=${cascade.test.smtp-port:3025}"
})
@ActiveProfiles("demo")
@Import({CascadeIntegrationTest.TestClock.class, FanOutNow.class})
public abstract class CascadeIntegrationTest {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected RepositoryService repositoryService;
  @Autowired protected IdentityService identityService;
  @Autowired protected MutableClock clock;
  @LocalServerPort protected int port;

  @TestConfiguration
  public static class TestClock {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }

  @BeforeEach
  void initAssertions() {
    init(processEngine);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
    identityService.clearAuthentication();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected ProcessDriver driver() {
    return new ProcessDriver(processEngine);
  }

  protected void executeAsyncJobs() {
    driver().executeAsyncJobs();
  }

  protected void completeAs(String user, Task task, Map<String, Object> variables) {
    driver().completeAs(user, task, variables);
  }

  protected void reportAndAccept(String agency, String processInstanceId, Map<String, Object> report) {
    driver().reportAndAccept(agency, processInstanceId, report);
  }

  protected Task taskOf(String processInstanceId, String taskKey) {
    return driver().taskOf(processInstanceId, taskKey);
  }

  @Autowired private java.util.List<vn.cascade.common.TaskViews> taskViews;
  @Autowired private org.springframework.jdbc.core.simple.JdbcClient testJdbc;

  /** The process instances of a directive's assignments to an agency on an item, from Cascade's tables. */
  protected java.util.List<String> assignmentInstances(String directiveNumber, int item, String agency) {
    return testJdbc.sql("""
        select a.process_instance_id from cascade_assignment a join cascade_directive d on d.id = a.directive_id
         where d.number = :n and a.item_number = :i and a.agency_code = :g and a.process_instance_id is not null""")
        .param("n", directiveNumber).param("i", item).param("g", agency).query(String.class).list();
  }

  /**
   * What the task's form shows (its view, as Tasklist receives it), with the markdown escapes taken
   * out so that texts compare as written.
   */
  @SuppressWarnings("unchecked")
  protected Map<String, Object> viewOf(Task task) {
    String key = vn.cascade.common.ProcessKeys.of(task.getProcessDefinitionId());
    Map<String, Object> values = taskViews.stream().filter(v -> v.processKey().equals(key)).findFirst().orElseThrow()
        .of(task);
    return (Map<String, Object>) plain(values.getOrDefault(vn.cascade.common.TaskViews.VIEW, Map.of()));
  }

  /** The earlier input values a task's form opens with (a returned report). */
  protected Map<String, Object> prefillOf(Task task) {
    String key = vn.cascade.common.ProcessKeys.of(task.getProcessDefinitionId());
    Map<String, Object> values = new java.util.LinkedHashMap<>(taskViews.stream()
        .filter(v -> v.processKey().equals(key)).findFirst().orElseThrow().of(task));
    values.remove(vn.cascade.common.TaskViews.VIEW);
    return values;
  }

  private static Object plain(Object value) {
    if (value instanceof String s) {
      return s.replace("  \n", "\n").replaceAll("\\\\(\\p{Punct})", "$1");
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, plain(v)));
      return out;
    }
    if (value instanceof java.util.List<?> l) {
      return l.stream().map(CascadeIntegrationTest::plain).toList();
    }
    return value;
  }

  protected Clock clock() {
    return clock;
  }
}
