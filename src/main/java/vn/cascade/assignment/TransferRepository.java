package vn.cascade.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Transfers (chuyển giao) of assignments: an agency's return as not within its remit and Văn phòng
 * UBND's decision on it, and the rows of an administrator's merger (decided at once).
 */
@Repository
public class TransferRepository {

  /** One return or merger and, once decided, its decision ({@code toAgency} set when it moved). */
  public record Transfer(long id, long assignmentId, String fromAgency, String suggestedAgency, String reason,
      String requestedBy, Instant requestedAt, String decision, String toAgency, String decisionComment,
      String decidedBy, Instant decidedAt) {

    public boolean moved() {
      return toAgency != null;
    }
  }

  private final JdbcClient jdbc;

  TransferRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void request(long assignmentId, String from, String suggested, String reason, String by, Instant at) {
    jdbc.sql("""
        insert into cascade_transfer (assignment_id, from_agency, suggested_agency, reason, requested_by, requested_at)
        values (:a, :f, :s, :r, :by, :at)""")
        .param("a", assignmentId).param("f", from).param("s", suggested).param("r", reason).param("by", by)
        .param("at", Timestamp.from(at)).update();
  }

  void decide(long id, String decision, String to, String comment, String by, Instant at) {
    jdbc.sql("""
        update cascade_transfer set decision = :d, to_agency = :t, decision_comment = :c, decided_by = :by,
          decided_at = :at where id = :id""")
        .param("d", decision).param("t", to).param("c", comment).param("by", by).param("at", Timestamp.from(at))
        .param("id", id).update();
  }

  /** A transfer decided at once (a merger): requested and decided by the same person at the same instant. */
  void recordDecided(long assignmentId, String from, String to, String reason, String decision, String comment,
      String by, Instant at) {
    jdbc.sql("""
        insert into cascade_transfer (assignment_id, from_agency, suggested_agency, reason, requested_by, requested_at,
          decision, to_agency, decision_comment, decided_by, decided_at)
        values (:a, :f, :t, :r, :by, :at, :d, :t, :c, :by, :at)""")
        .param("a", assignmentId).param("f", from).param("t", to).param("r", reason).param("by", by)
        .param("at", Timestamp.from(at)).param("d", decision).param("c", comment).update();
  }

  public Optional<Transfer> pending(long assignmentId) {
    return jdbc.sql("select * from cascade_transfer where assignment_id = :a and decision is null order by id desc")
        .param("a", assignmentId).query(this::map).list().stream().findFirst();
  }

  public List<Transfer> of(long assignmentId) {
    return jdbc.sql("select * from cascade_transfer where assignment_id = :a order by id").param("a", assignmentId)
        .query(this::map).list();
  }

  /** The agency each of these assignments was last transferred from (one query for a page of rows). */
  public Map<Long, String> transferredFromAmong(Collection<Long> assignmentIds) {
    Map<Long, String> out = new HashMap<>();
    if (assignmentIds.isEmpty()) {
      return out;
    }
    // Rows in id order: the last transfer of an assignment wins.
    jdbc.sql("select assignment_id, from_agency from cascade_transfer where to_agency is not null"
            + " and assignment_id in (:ids) order by id")
        .param("ids", assignmentIds)
        .query((rs, n) -> out.put(rs.getLong("assignment_id"), rs.getString("from_agency"))).list();
    return out;
  }

  /** Which of these assignments wait for a transfer decision. */
  public java.util.Set<Long> pendingAmong(Collection<Long> assignmentIds) {
    if (assignmentIds.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql("select distinct assignment_id from cascade_transfer"
            + " where decision is null and assignment_id in (:ids)")
        .param("ids", assignmentIds).query(Long.class).list());
  }

  private Transfer map(ResultSet rs, int row) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new Transfer(rs.getLong("id"), rs.getLong("assignment_id"), rs.getString("from_agency"),
        rs.getString("suggested_agency"), rs.getString("reason"), rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(), rs.getString("decision"), rs.getString("to_agency"),
        rs.getString("decision_comment"), rs.getString("decided_by"), decided == null ? null : decided.toInstant());
  }
}
