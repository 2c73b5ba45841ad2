package vn.cascade;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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
    "spring.mail.port=3025"
})
@ActiveProfiles("demo")
@Import(CascadeIntegrationTest.TestClock.class)
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

  /** Runs every job that is not a timer, until none is left: what the job executor would do. */
  protected void executeAsyncJobs() {
    for (int round = 0; round < 1000; round++) {
      List<Job> jobs = managementService.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
      }
    }
    throw new AssertionError("Async jobs keep appearing");
  }

  /** Completes a task as a member of the given agency would: claim, then submit the form. */
  protected void completeAs(String user, Task task, Map<String, Object> variables) {
    identityService.setAuthenticatedUserId(user);
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  protected Task taskOf(String processInstanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
  }

  protected Clock clock() {
    return clock;
  }
}
