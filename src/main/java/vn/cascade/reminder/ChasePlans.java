package vn.cascade.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cascade.common.CommitBatch;
import org.springframework.stereotype.Component;
import vn.cascade.reminder.NotificationPlanner.Planned;

/**
 * The plan of each chase, in {@code cascade_chase}: one row per chased subject (an assignment, a
 * directive's summary, a Conclusion's report back) with when its chase started and the notification
 * its timer waits for. The BPMN reads it as {@code ${chasePlans.close(execution)}} when a chase's
 * scope ends; the timer reads the planned instant from a transient variable set by the plan step.
 */
@Component("chasePlans")
public class ChasePlans {

  /** The transient variable the chase timer reads ({@code ${nextNotificationFiresAt}}). */
  public static final String FIRES_AT = "nextNotificationFiresAt";

  /** One chase's plan. */
  public record Plan(ChaseSubject subject, long subjectId, String processInstanceId, Instant startedAt,
      Planned next, Instant firesAt) {}

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  ChasePlans(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public Optional<Plan> find(ChaseSubject subject, long subjectId) {
    return jdbc.sql("select * from cascade_chase where subject = :s and subject_id = :id")
        .param("s", subject.name()).param("id", subjectId).query(ChasePlans::map).optional();
  }

  /** The chases of this subject whose next notification is due at {@code now} (the morning digest's work). */
  public java.util.List<Plan> due(ChaseSubject subject, Instant now) {
    return jdbc.sql("select * from cascade_chase where subject = :s and fires_at <= :now order by subject_id")
        .param("s", subject.name()).param("now", Timestamp.from(now)).query(ChasePlans::map).list();
  }

  /** Assignments urged at least once and still chased: subject id and the urgings sent so far. */
  public java.util.Map<Long, Integer> urgedAssignments() {
    java.util.Map<Long, Integer> out = new java.util.LinkedHashMap<>();
    jdbc.sql("""
        select subject_id, next_seq from cascade_chase
         where subject = 'ASSIGNMENT' and next_kind = 'URGING' and next_seq > 1 order by subject_id""")
        .query(rs -> {
          out.put(rs.getLong("subject_id"), rs.getInt("next_seq") - 1);
        });
    return out;
  }

  /** Moves each plan on to its next notification, in one batch. */
  public void advanceAll(java.util.List<Plan> plans) {
    if (plans.isEmpty()) {
      return;
    }
    batch.batchUpdate("""
        update cascade_chase set next_kind = :kind, next_seq = :seq, next_at = :at, fires_at = :fires
         where subject = :s and subject_id = :id""", plans.stream().map(p -> new MapSqlParameterSource()
        .addValue("s", p.subject().name()).addValue("id", p.subjectId()).addValue("kind", p.next().kind().name())
        .addValue("seq", p.next().sequence()).addValue("at", Timestamp.from(p.next().at()))
        .addValue("fires", Timestamp.from(p.firesAt()))).toArray(MapSqlParameterSource[]::new));
  }

  private static Plan map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Plan(ChaseSubject.valueOf(rs.getString("subject")), rs.getLong("subject_id"),
        rs.getString("process_instance_id"), rs.getTimestamp("started_at").toInstant(),
        new Planned(NotificationKind.valueOf(rs.getString("next_kind")), rs.getInt("next_seq"),
            rs.getTimestamp("next_at").toInstant()), rs.getTimestamp("fires_at").toInstant());
  }

  /**
   * Stores the next notification of a chase, the first one creating its row. The first plan is made
   * in the transaction that opens the chase and nothing reads it back there: its insert joins one
   * batch sent before the commit ({@link CommitBatch}).
   */
  public void save(Plan plan, boolean exists) {
    if (!exists) {
      CommitBatch.add(batch, """
          insert into cascade_chase (subject, subject_id, process_instance_id, started_at, next_kind, next_seq, next_at, fires_at)
          values (:s, :id, :pi, :started, :kind, :seq, :at, :fires)""", new MapSqlParameterSource()
          .addValue("s", plan.subject().name()).addValue("id", plan.subjectId()).addValue("pi", plan.processInstanceId())
          .addValue("started", Timestamp.from(plan.startedAt())).addValue("kind", plan.next().kind().name())
          .addValue("seq", plan.next().sequence()).addValue("at", Timestamp.from(plan.next().at()))
          .addValue("fires", Timestamp.from(plan.firesAt())));
      return;
    }
    String sql = exists
        ? """
          update cascade_chase set next_kind = :kind, next_seq = :seq, next_at = :at, fires_at = :fires,
            started_at = :started, process_instance_id = :pi where subject = :s and subject_id = :id"""
        : """
          insert into cascade_chase (subject, subject_id, process_instance_id, started_at, next_kind, next_seq, next_at, fires_at)
          values (:s, :id, :pi, :started, :kind, :seq, :at, :fires)""";
    jdbc.sql(sql).param("s", plan.subject().name()).param("id", plan.subjectId()).param("pi", plan.processInstanceId())
        .param("started", Timestamp.from(plan.startedAt())).param("kind", plan.next().kind().name())
        .param("seq", plan.next().sequence()).param("at", Timestamp.from(plan.next().at()))
        .param("fires", Timestamp.from(plan.firesAt())).update();
  }

  /** Set by the send step for the plan step that follows it: this chase has a plan row. */
  static final String PLANNED_BEFORE = "chasePlannedBefore";

  static void markPlannedBefore(DelegateExecution execution) {
    execution.setVariableLocal(PLANNED_BEFORE, Variables.booleanValue(true, true));
  }

  /**
   * Whether the chase at this execution has a plan row: only after a send (the loop's first plan is
   * made in the transaction that opened the chase, when no row can exist: closing a chase deletes it).
   */
  static boolean plannedBefore(DelegateExecution execution) {
    return execution.getVariableLocal(PLANNED_BEFORE) != null;
  }

  /** Hands the instant to the timer that follows the plan step, in this transaction only. */
  static void handToTimer(DelegateExecution execution, Instant firesAt) {
    execution.setVariableLocal(FIRES_AT, Variables.dateValue(Date.from(firesAt), true));
  }

  /**
   * A chase's scope ended (reported, collected, reported back): its plan goes, so that a chase
   * opened again later (a summary returned by the leadership) starts afresh.
   */
  public void close(DelegateExecution execution) {
    jdbc.sql("delete from cascade_chase where process_instance_id = :pi")
        .param("pi", execution.getProcessInstanceId()).update();
  }
}
