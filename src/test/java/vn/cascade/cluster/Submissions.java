package vn.cascade.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import vn.cascade.ProcessDriver;
import vn.cascade.TestDocuments;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;

/**
 * Every agency submits its report and the reviewer accepts it, from several threads at once: the
 * report on one node, the review on the other, alternating. A completion that meets an
 * optimistic-locking conflict is rolled back whole by the engine and submitted again, as a user
 * would click again; those are counted.
 */
final class Submissions {

  private Submissions() {}

  /** @return conflicts met (and retried) by the submissions themselves */
  static int submitAll(List<ClusterNode> nodes, Batch batch, int threads) throws Exception {
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < batch.assignments.size(); i++) {
        Assignment a = batch.assignments.get(i);
        ClusterNode reportingNode = nodes.get(i % nodes.size());
        ClusterNode reviewingNode = nodes.get((i + 1) % nodes.size());
        done.add(pool.submit(() -> {
          String pi = a.processInstanceId();
          retried(conflicts, () -> complete(reportingNode, a.agencyCode(), pi, AgencyAssignmentProcess.TASK_REPORT_RESULTS,
              TestDocuments.report("Đã thực hiện xong nội dung được giao.")));
          String reviewer = vn.cascade.ProcessDriver.candidateGroupOf(reviewingNode.engine(),
              reviewingNode.engine().getTaskService().createTaskQuery().processInstanceId(pi)
                  .taskDefinitionKey(AgencyAssignmentProcess.TASK_REVIEW_REPORT).singleResult());
          retried(conflicts, () -> complete(reviewingNode, reviewer, pi, AgencyAssignmentProcess.TASK_REVIEW_REPORT,
              Map.of(AgencyAssignmentProcess.REVIEW_DECISION.name(), AgencyAssignmentProcess.REVIEW_ACCEPT,
                  AgencyAssignmentProcess.REVIEW_COMMENT.name(), "")));
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(3, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return conflicts.get();
  }

  private static void complete(ClusterNode node, String user, String processInstanceId, String taskKey,
      Map<String, Object> variables) {
    ProcessDriver driver = new ProcessDriver(node.engine());
    driver.completeAs(user, driver.taskOf(processInstanceId, taskKey), variables);
  }

  private static void retried(AtomicInteger conflicts, Runnable submission) {
    for (int attempt = 1; ; attempt++) {
      try {
        submission.run();
        return;
      } catch (OptimisticLockingException e) {
        conflicts.incrementAndGet();
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }
}
