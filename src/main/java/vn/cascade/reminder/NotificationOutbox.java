package vn.cascade.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: one row per notification key. Its writes commit on their own, beside the job's
 * transaction, so that a sent mail stays recorded even if the job is later rolled back.
 */
@Repository
public class NotificationOutbox {

  /**
   * Where a notification stands. SENDING: a node claimed it and is talking to the mail server.
   * KEPT: no mail server is configured, the notification is only recorded.
   */
  public enum Status { PENDING, SENDING, SENT, FAILED, KEPT }

  /** One row of the outbox. */
  public record Entry(long id, String key, ChaseSubject subjectKind, long subjectId, NotificationKind kind,
      int sequence, String recipients, String cc, String subject, String bodyText, String bodyHtml, Status status,
      int attempts, String lastError, Instant plannedFor, Instant createdAt, Instant sentAt, String claimedBy,
      Instant claimedUntil, String messageId, int resentAfterDoubt) {

    /** Sent or kept: nothing more to do. */
    public boolean done() {
      return status == Status.SENT || status == Status.KEPT;
    }
  }

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;

  NotificationOutbox(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Takes the row for one send: only a row waiting (PENDING), failed before, or claimed by a node whose
   * claim expired (it died mid-send: the mail may or may not have gone out) can be taken.
   *
   * @return true if this node now holds the row until {@code until}
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean claim(long id, String node, Instant now, Instant until) {
    return jdbc.sql("""
        update cascade_notification
           set resent_after_doubt = resent_after_doubt + case when status = 'SENDING' then 1 else 0 end,
               status = 'SENDING', claimed_by = :node, claimed_until = :until, attempts = attempts + 1
         where id = :id
           and (status in ('PENDING', 'FAILED') or (status = 'SENDING' and claimed_until < :now))""")
        .param("node", node).param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
        .param("id", id).update() == 1;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markSent(long id, Instant at) {
    jdbc.sql("""
        update cascade_notification set status = 'SENT', sent_at = :at, last_error = null, claimed_until = null
         where id = :id""")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  /** Without the idempotency check (fault tests only): counts the attempt the claim would have counted. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markSentUnclaimed(long id, Instant at) {
    jdbc.sql("update cascade_notification set status = 'SENT', attempts = attempts + 1, sent_at = :at where id = :id")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markKept(long id) {
    jdbc.sql("update cascade_notification set status = 'KEPT' where id = :id").param("id", id).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markFailed(long id, String error) {
    String trimmed = error == null ? "" : error.length() > 1900 ? error.substring(0, 1900) : error;
    jdbc.sql("update cascade_notification set status = 'FAILED', last_error = :e, claimed_until = null where id = :id")
        .param("e", trimmed).param("id", id).update();
  }

  public Optional<Entry> find(long id) {
    return jdbc.sql("select * from cascade_notification where id = :id").param("id", id).query(this::map).optional();
  }

  /**
   * One line of a digest: the reminder or urging it covered of an assignment, a directive's summary or
   * a Conclusion's report back.
   */
  public record DigestItem(ChaseSubject subject, long subjectId, NotificationKind kind, int sequence,
      java.time.LocalDate deadline, int days, int urgings) {

    /** Where the outbox page links this line: the assignment's or the directive's page. */
    public String page() {
      return switch (subject) {
        case ASSIGNMENT -> "/dashboard/assignments/" + subjectId;
        case SUMMARY -> "/dashboard/directives/" + subjectId;
        default -> "/dashboard";
      };
    }

    /** What the line is about, for the outbox page. */
    public String label() {
      return switch (subject) {
        case ASSIGNMENT -> "Báo cáo #" + subjectId;
        case SUMMARY -> "Tổng hợp báo cáo (văn bản #" + subjectId + ")";
        default -> "Báo cáo Ban Thường vụ Tỉnh ủy (Kết luận #" + subjectId + ")";
      };
    }
  }

  /**
   * Writes a morning digest's row and what it covers, in the morning run's transaction: the rows and
   * the chase plans they advance commit together. The unique key makes a second writer of the same
   * recipient, day and kind fail (and its job be retried) instead of writing a second digest. The row's
   * subject is {@code DIGEST} and its subject id the number of lines it covers.
   */
  public long insertDigest(String key, NotificationKind kind, String recipientAgency, java.time.LocalDate day,
      Mail mail, Instant plannedFor, Instant now, String messageId, List<DigestItem> items) {
    jdbc.sql("""
        insert into cascade_notification (notification_key, subject_kind, subject_id, kind, sequence_no, recipients, cc,
          subject, body_text, body_html, status, attempts, planned_for, created_at, message_id, recipient_agency, digest_day)
        values (:key, :subjectKind, :subjectId, :kind, 1, :to, :cc, :subject, :text, :html, 'PENDING', 0, :planned, :now,
          :messageId, :agency, :day)""")
        .param("key", key).param("subjectKind", ChaseSubject.DIGEST.name()).param("subjectId", items.size())
        .param("kind", kind.name()).param("to", String.join(", ", mail.to()))
        .param("cc", String.join(", ", mail.cc())).param("subject", mail.subject()).param("text", mail.text())
        .param("html", mail.html()).param("planned", Timestamp.from(plannedFor))
        .param("now", Timestamp.from(now)).param("messageId", messageId).param("agency", recipientAgency)
        .param("day", java.sql.Date.valueOf(day))
        .update();
    long id = jdbc.sql("select id from cascade_notification where notification_key = :k").param("k", key)
        .query(Long.class).single();
    org.springframework.jdbc.core.namedparam.MapSqlParameterSource[] rows = items.stream()
        .map(i -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("n", id)
            .addValue("a", i.subjectId()).addValue("subj", i.subject().name()).addValue("k", i.kind().name()).addValue("s", i.sequence())
            .addValue("d", java.sql.Date.valueOf(i.deadline())).addValue("days", i.days()).addValue("u", i.urgings()))
        .toArray(org.springframework.jdbc.core.namedparam.MapSqlParameterSource[]::new);
    batch.batchUpdate("""
        insert into cascade_digest_item (notification_id, subject, subject_id, kind, sequence_no, deadline, days, urgings)
        values (:n, :subj, :a, :k, :s, :d, :days, :u)""", rows);
    return id;
  }

  public boolean exists(String key) {
    return jdbc.sql("select count(*) from cascade_notification where notification_key = :k").param("k", key)
        .query(Long.class).single() > 0;
  }

  /** What a digest covered, by notification id, for the rows given. */
  public java.util.Map<Long, List<DigestItem>> itemsOf(List<Long> notificationIds) {
    java.util.Map<Long, List<DigestItem>> out = new java.util.HashMap<>();
    if (notificationIds.isEmpty()) {
      return out;
    }
    jdbc.sql("select * from cascade_digest_item where notification_id in (:ids) order by notification_id, subject, subject_id, kind")
        .param("ids", notificationIds)
        .query(rs -> {
          out.computeIfAbsent(rs.getLong("notification_id"), k -> new java.util.ArrayList<>())
              .add(new DigestItem(ChaseSubject.valueOf(rs.getString("subject")), rs.getLong("subject_id"), NotificationKind.valueOf(rs.getString("kind")),
                  rs.getInt("sequence_no"), rs.getDate("deadline").toLocalDate(), rs.getInt("days"), rs.getInt("urgings")));
        });
    return out;
  }

  public Optional<Entry> find(String key) {
    return jdbc.sql("select * from cascade_notification where notification_key = :k").param("k", key)
        .query(this::map).optional();
  }

  public List<Entry> recent(int limit) {
    return jdbc.sql("select * from cascade_notification order by created_at desc, id desc limit :n").param("n", limit)
        .query(this::map).list();
  }

  /** What was sent about one subject: its own notifications and the digests that listed it. */
  public List<Entry> ofSubject(ChaseSubject kind, long id) {
    return jdbc.sql("""
        select * from cascade_notification where (subject_kind = :k and subject_id = :id)
            or id in (select notification_id from cascade_digest_item where subject = :k and subject_id = :id)
         order by id""")
        .param("k", kind.name()).param("id", id).query(this::map).list();
  }

  private Entry map(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getLong("id"), rs.getString("notification_key"),
        ChaseSubject.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id"),
        NotificationKind.valueOf(rs.getString("kind")), rs.getInt("sequence_no"), rs.getString("recipients"),
        rs.getString("cc"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
        Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
        instant(rs.getTimestamp("planned_for")), instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("sent_at")), rs.getString("claimed_by"), instant(rs.getTimestamp("claimed_until")),
        rs.getString("message_id"), rs.getInt("resent_after_doubt"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
