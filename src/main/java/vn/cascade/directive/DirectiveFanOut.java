package vn.cascade.directive;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fan-out of a directive: each assignment's {@code agency-assignment} instance starts in a job of
 * its own ({@code CallActivity_AgencyAssignments} is asynchronous before each inner instance), so that
 * issuing a directive of 125 or 2,000 assignments answers at once and the instances follow in the
 * background. Used by the BPMN as {@code ${directiveFanOut}} (the jobs' priority and retry cycle) and
 * by the directive's page (the progress).
 */
@Component("directiveFanOut")
public class DirectiveFanOut {

  /** Above every other job (priority 0): the instances of a directive start before reminders are sent. */
  static final long BASE_PRIORITY = 1_000_000L;

  private final ManagementService managementService;
  private final JdbcClient jdbc;
  private final String retryCycle;

  DirectiveFanOut(ManagementService managementService, JdbcClient jdbc,
      @Value("${cascade.directive.fan-out-retry-cycle:R5/PT1M}") String retryCycle) {
    this.managementService = managementService;
    this.jdbc = jdbc;
    this.retryCycle = retryCycle;
  }

  /**
   * The priority of the job starting the n-th assignment (counted from 0): the first assignment of
   * the directive first, in the order the letter gives them (item, then agency).
   */
  public long priorityOf(Integer loopCounter) {
    return BASE_PRIORITY - (loopCounter == null ? 0 : loopCounter);
  }

  /** How a failed start is retried, {@code cascade.directive.fan-out-retry-cycle} (ISO 8601 repetition). */
  public String getRetryCycle() {
    return retryCycle;
  }

  /**
   * How far a directive's fan-out has come: {@code started} of {@code total} assignments have their
   * instance; of the jobs still waiting, {@code failing} failed at least once and are retried by
   * themselves, {@code stalled} have no retry left (an incident an administrator resolves in Cockpit).
   */
  public record Progress(int total, int started, int failing, int stalled) {

    public boolean done() {
      return started >= total;
    }

    /** "đã giao 87/125". */
    public String text() {
      return "đã giao " + started + "/" + total;
    }
  }

  public Progress of(Directive d) {
    int[] counts = jdbc.sql("select count(*), count(process_instance_id) from cascade_assignment where directive_id = :d")
        .param("d", d.id()).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    int total = counts[0];
    int started = counts[1];
    if (started >= total || d.processInstanceId() == null) {
      return new Progress(total, started, 0, 0);
    }
    var failed = managementService.createJobQuery().processInstanceId(d.processInstanceId())
        .activityId(DirectiveProcess.CALL_ACTIVITY_ASSIGNMENTS).withException();
    long failing = failed.count();
    long stalled = failing == 0 ? 0 : failed.noRetriesLeft().count();
    return new Progress(total, started, (int) failing, (int) stalled);
  }
}
