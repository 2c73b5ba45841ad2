package vn.cascade.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cascade.common.CommitBatch;
import org.springframework.stereotype.Component;
import vn.cascade.reminder.NotificationPlanner.Planned;

/**
 * The plan of each chase, in {@code cascade_chase}: one row per chased subject (an assignment, a
 * directive's summary, a Conclusion's report back) with when its chase started and the notification
 * due next. The morning digest reads the plans that are due and moves them on; the BPMN closes a plan
 * as {@code ${chasePlans.close(execution)}} when its chase's scope ends.
 */
@Component("chasePlans")
public class ChasePlans {

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

  /** The chases whose next notification is due at {@code now} (the morning digest's work), of every subject. */
  public java.util.List<Plan> due(Instant now) {
    return jdbc.sql("select * from cascade_chase where fires_at <= :now order by subject, subject_id")
        .param("now", Timestamp.from(now)).query(ChasePlans::map).list();
  }

  /** A chase urged at least once and still open. */
  public record Urged(ChaseSubject subject, long subjectId, int urgings, Instant nextAt) {}

  /** Assignments and summaries urged at least once and still chased, with the urgings sent so far. */
  public java.util.List<Urged> urged() {
    return jdbc.sql("""
        select subject, subject_id, next_seq, next_at from cascade_chase
         where subject in ('ASSIGNMENT', 'SUMMARY') and next_kind = 'URGING' and next_seq > 1
         order by subject, subject_id""")
        .query((rs, n) -> new Urged(ChaseSubject.valueOf(rs.getString("subject")), rs.getLong("subject_id"),
            rs.getInt("next_seq") - 1, rs.getTimestamp("next_at").toInstant())).list();
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
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("s", plan.subject().name()).addValue("id", plan.subjectId()).addValue("pi", plan.processInstanceId())
        .addValue("started", Timestamp.from(plan.startedAt())).addValue("kind", plan.next().kind().name())
        .addValue("seq", plan.next().sequence()).addValue("at", Timestamp.from(plan.next().at()))
        .addValue("fires", Timestamp.from(plan.firesAt()));
    if (!exists) {
      CommitBatch.add(batch, """
          insert into cascade_chase (subject, subject_id, process_instance_id, started_at, next_kind, next_seq, next_at, fires_at)
          values (:s, :id, :pi, :started, :kind, :seq, :at, :fires)""", p);
      return;
    }
    batch.update("""
        update cascade_chase set next_kind = :kind, next_seq = :seq, next_at = :at, fires_at = :fires,
          started_at = :started, process_instance_id = :pi where subject = :s and subject_id = :id""", p);
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
