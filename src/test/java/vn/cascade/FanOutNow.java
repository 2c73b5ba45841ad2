package vn.cascade;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.event.ExecutionEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cascade.directive.DirectiveProcess;

/**
 * The job executor of the test contexts that have it off: a directive's fan-out jobs (one per
 * chunk of assignments, {@code SubProcess_FanOut}) are run in the order the job executor takes
 * them (priority), each in its own transaction, as soon as the transaction that created them has
 * committed. Tests that issue a directive then find every assignment's task, as they would a moment
 * later on a running server; {@link #pause()} leaves the jobs waiting, for the tests of the fan-out
 * itself ({@code DirectiveFanOutTest}). It listens to the engine's execution events, which Cascade
 * leaves off: a context that imports it sets {@code camunda.bpm.eventing.execution=true}.
 */
@TestConfiguration
public class FanOutNow {

  @Bean
  Runner fanOutRunner(ManagementService managementService, org.camunda.bpm.engine.IdentityService identityService,
      PlatformTransactionManager transactions) {
    return new Runner(managementService, identityService, transactions);
  }

  public static class Runner {

    private final ManagementService managementService;
    private final org.camunda.bpm.engine.IdentityService identityService;
    private final TransactionTemplate ownTransaction;
    private volatile boolean paused;

    Runner(ManagementService managementService, org.camunda.bpm.engine.IdentityService identityService,
        PlatformTransactionManager transactions) {
      this.managementService = managementService;
      this.identityService = identityService;
      this.ownTransaction = new TransactionTemplate(transactions);
      this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Leaves fan-out jobs to the test until {@link #resume()}. */
    public void pause() {
      paused = true;
    }

    public void resume() {
      paused = false;
    }

    @EventListener(condition = "#event.eventName == 'end' and #event.currentActivityId == '"
        + DirectiveProcess.TASK_PREPARE_ASSIGNMENTS + "'")
    void assignmentsPrepared(ExecutionEvent event) {
      if (paused || !TransactionSynchronizationManager.isSynchronizationActive()) {
        return;
      }
      String processInstanceId = event.getProcessInstanceId();
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          runFanOut(processInstanceId);
        }
      });
    }

    /** Runs the directive's waiting fan-out jobs, highest priority first; a failing one is left to its retries. */
    public void runFanOut(String directiveProcessInstanceId) {
      // As the job executor: with nobody's authentication (the thread may be a user's who just issued it).
      var user = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(directiveProcessInstanceId)
            .activityId(DirectiveProcess.SUBPROCESS_FAN_OUT).withRetriesLeft().orderByJobPriority().desc()
            .listPage(0, vn.cascade.directive.DirectiveValidator.MAX_ASSIGNMENTS);
        for (Job job : jobs) {
          ownTransaction.executeWithoutResult(s -> managementService.executeJob(job.getId()));
        }
      } finally {
        if (user != null) {
          identityService.setAuthentication(user);
        }
      }
    }
  }
}
