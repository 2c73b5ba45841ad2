package vn.cascade.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;

/**
 * What the job executors of all nodes did, read from the shared historic job log: jobs each node
 * ran (a log entry's host name ends with "$" and the engine name), and failed attempts by cause —
 * optimistic-locking conflicts (ENGINE-03005, retried by the job executor), a send that found the
 * outbox row claimed by another attempt, the mail server unreachable, anything else.
 */
record JobLog(Map<String, Integer> executedByNode, Map<String, Integer> conflictsByActivity, int claimHeld,
    int mailServerDown, List<String> otherFailures) {

  static JobLog of(ProcessEngine engine) {
    Map<String, Integer> executed = new TreeMap<>();
    for (HistoricJobLog entry : engine.getHistoryService().createHistoricJobLogQuery().successLog().list()) {
      String host = entry.getHostname() == null ? "?" : entry.getHostname();
      executed.merge(host.substring(host.lastIndexOf('$') + 1), 1, Integer::sum);
    }
    Map<String, Integer> conflicts = new TreeMap<>();
    int claimHeld = 0;
    int down = 0;
    List<String> other = new java.util.ArrayList<>();
    for (HistoricJobLog failure : engine.getHistoryService().createHistoricJobLogQuery().failureLog().list()) {
      String message = String.valueOf(failure.getJobExceptionMessage());
      if (message.contains("ENGINE-03005") || message.contains("OptimisticLocking")) {
        conflicts.merge(failure.getActivityId(), 1, Integer::sum);
      } else if (message.contains("đang được gửi")) {
        claimHeld++;
      } else if (message.contains("Không gửi được thư")) {
        down++;
      } else {
        other.add(failure.getActivityId() + ": " + message);
      }
    }
    return new JobLog(executed, conflicts, claimHeld, down, other);
  }

  int conflicts() {
    return conflictsByActivity.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** What changed since an earlier reading (counts only). */
  JobLog since(JobLog before) {
    Map<String, Integer> executed = new TreeMap<>(executedByNode);
    before.executedByNode.forEach((k, v) -> executed.merge(k, -v, Integer::sum));
    Map<String, Integer> conflicts = new TreeMap<>(conflictsByActivity);
    before.conflictsByActivity.forEach((k, v) -> conflicts.merge(k, -v, Integer::sum));
    conflicts.values().removeIf(v -> v == 0);
    return new JobLog(executed, conflicts, claimHeld - before.claimHeld, mailServerDown - before.mailServerDown,
        otherFailures.subList(Math.min(before.otherFailures.size(), otherFailures.size()), otherFailures.size()));
  }

  @Override
  public String toString() {
    return "jobs run per node " + executedByNode + "; optimistic-locking conflicts retried: " + conflicts() + " "
        + conflictsByActivity + "; sends that found the row claimed and were retried: " + claimHeld
        + "; sends failed for the mail server: " + mailServerDown + "; other failures: " + otherFailures;
  }
}
