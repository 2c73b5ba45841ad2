package vn.cascade.assignment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests for a new deadline (gia hạn) and the decisions on them. */
@Repository
public class ExtensionRepository {

  /** One request and, once decided, its decision. */
  public record Extension(long id, long assignmentId, LocalDate previousDeadline, LocalDate requestedDeadline,
      String reason, String requestedBy, Instant requestedAt, String decision, LocalDate approvedDeadline,
      String decisionComment, String decidedBy, Instant decidedAt) {}

  private final JdbcClient jdbc;

  ExtensionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void request(long assignmentId, LocalDate previous, LocalDate requested, String reason, String by, Instant at) {
    jdbc.sql("""
        insert into cascade_extension (assignment_id, previous_deadline, requested_deadline, reason, requested_by, requested_at)
        values (:a, :p, :r, :reason, :by, :at)""")
        .param("a", assignmentId).param("p", previous).param("r", requested).param("reason", reason)
        .param("by", by).param("at", Timestamp.from(at)).update();
  }

  void decide(long id, String decision, LocalDate approved, String comment, String by, Instant at) {
    jdbc.sql("""
        update cascade_extension set decision = :d, approved_deadline = :ad, decision_comment = :c, decided_by = :by,
          decided_at = :at where id = :id""")
        .param("d", decision).param("ad", approved).param("c", comment).param("by", by)
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  public Optional<Extension> pending(long assignmentId) {
    return jdbc.sql("select * from cascade_extension where assignment_id = :a and decision is null order by id desc")
        .param("a", assignmentId).query(this::map).list().stream().findFirst();
  }

  /** Which of these assignments have a request waiting for a decision (one query for a page of rows). */
  public java.util.Set<Long> pendingAmong(java.util.Collection<Long> assignmentIds) {
    if (assignmentIds.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql("select distinct assignment_id from cascade_extension"
            + " where decision is null and assignment_id in (:ids)")
        .param("ids", assignmentIds).query(Long.class).list());
  }

  public List<Extension> of(long assignmentId) {
    return jdbc.sql("select * from cascade_extension where assignment_id = :a order by id").param("a", assignmentId)
        .query(this::map).list();
  }

  private Extension map(ResultSet rs, int row) throws SQLException {
    Date approved = rs.getDate("approved_deadline");
    Timestamp decided = rs.getTimestamp("decided_at");
    return new Extension(rs.getLong("id"), rs.getLong("assignment_id"), rs.getDate("previous_deadline").toLocalDate(),
        rs.getDate("requested_deadline").toLocalDate(), rs.getString("reason"), rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(), rs.getString("decision"),
        approved == null ? null : approved.toLocalDate(), rs.getString("decision_comment"), rs.getString("decided_by"),
        decided == null ? null : decided.toInstant());
  }
}
