package vn.cascade.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cascade.common.CommitBatch;
import vn.cascade.common.TransactionCache;

/** Cascade's table of assignments. */
@Repository
public class AssignmentRepository {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** The {@link TransactionCache} region of this table; every write here evicts it. */
  public static final String CACHE = "cascade_assignment";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final ObjectMapper json;

  AssignmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper json) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.json = json;
  }

  public void insert(long directiveId, int itemNumber, String agencyCode, LocalDate deadline) {
    insertAll(directiveId, List.of(new NewAssignment(itemNumber, agencyCode, deadline)));
  }

  /** An assignment to create: the item, the agency, and its deadline (the item's own or the directive's). */
  public record NewAssignment(int itemNumber, String agencyCode, LocalDate deadline) {}

  /** Inserts a directive's assignments in one batch, in the order given. */
  public void insertAll(long directiveId, List<NewAssignment> rows) {
    TransactionCache.evict(CACHE);
    batch.batchUpdate("""
        insert into cascade_assignment (directive_id, item_number, agency_code, deadline, original_deadline)
        values (:d, :i, :a, :deadline, :deadline)""", rows.stream()
        .map(r -> new MapSqlParameterSource().addValue("d", directiveId).addValue("i", r.itemNumber())
            .addValue("a", r.agencyCode()).addValue("deadline", r.deadline()))
        .toArray(SqlParameterSource[]::new));
  }

  /** A directive's assignment ids in the letter's order (item, then agency): what its fan-out's chunks are cut from. */
  public List<Long> idsOf(Long directiveId) {
    return jdbc.sql("select id from cascade_assignment where directive_id = :d order by item_number, id")
        .param("d", directiveId).query(Long.class).list();
  }

  /** The rows of these ids, read in chunks of 1,000 (the morning digest reads what is due in bulk). */
  public List<Assignment> findAll(java.util.Collection<Long> ids) {
    List<Long> all = List.copyOf(ids);
    List<Assignment> out = new java.util.ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += 1000) {
      out.addAll(jdbc.sql("select * from cascade_assignment where id in (:ids)")
          .param("ids", all.subList(from, Math.min(all.size(), from + 1000))).query(this::map).list());
    }
    return out;
  }

  public Optional<Assignment> find(long id) {
    return TransactionCache.get(CACHE, id,
        () -> jdbc.sql("select * from cascade_assignment where id = :id").param("id", id).query(this::map).optional());
  }

  /**
   * The assignment a process instance works on. Delegates look it up here rather than trusting
   * the {@code assignmentId} variable, which a task completion could overwrite.
   */
  public Optional<Assignment> ofProcessInstance(String processInstanceId) {
    return TransactionCache.get(CACHE, "process-instance:" + processInstanceId, () -> {
      Optional<Assignment> found = jdbc.sql("select * from cascade_assignment where process_instance_id = :pi")
          .param("pi", processInstanceId).query(this::map).optional();
      found.ifPresent(a -> TransactionCache.put(CACHE, a.id(), found));
      return found;
    });
  }

  /**
   * What these agencies still owe or wait for: their assignments whose report is not yet accepted, in
   * order of deadline (at most {@code limit}).
   */
  public List<Assignment> openOf(java.util.Collection<String> agencyCodes, int limit) {
    if (agencyCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from cascade_assignment where agency_code in (:agencies)"
            + " and (review_status is null or review_status <> 'ACCEPTED') and process_instance_id is not null"
            + " order by deadline, directive_id, item_number, id limit :limit")
        .param("agencies", agencyCodes).param("limit", limit).query(this::map).list();
  }

  /** These agencies' accepted reports that say the work is still in progress (a later update is due). */
  public List<Assignment> inProgressOf(java.util.Collection<String> agencyCodes, int limit) {
    if (agencyCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from cascade_assignment where agency_code in (:agencies)"
            + " and review_status = 'ACCEPTED' and work_status = 'in-progress'"
            + " order by deadline, directive_id, item_number, id limit :limit")
        .param("agencies", agencyCodes).param("limit", limit).query(this::map).list();
  }

  /**
   * A directive's assignments; each row is kept for the rest of the transaction (a directive's start
   * reads them all), and a row this transaction already holds (linked to its instance) is returned
   * as it holds it.
   */
  public List<Assignment> ofDirective(long directiveId) {
    return held(jdbc.sql("select * from cascade_assignment where directive_id = :d order by item_number, id")
        .param("d", directiveId).query(this::map).list());
  }

  /** Keeps each row for the rest of the transaction; a row the transaction already holds is returned as held. */
  private List<Assignment> held(List<Assignment> rows) {
    List<Assignment> out = new java.util.ArrayList<>(rows.size());
    for (Assignment a : rows) {
      Optional<Assignment> held = TransactionCache.cached(CACHE, a.id());
      if (held != null && held.isPresent()) {
        out.add(held.get());
      } else {
        TransactionCache.put(CACHE, a.id(), Optional.of(a));
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Reads these rows in one query and keeps each for the rest of the transaction (a chunk of a
   * directive's fan-out starts their instances together); a row the transaction already holds stays.
   */
  public void holdAll(java.util.Collection<Long> ids) {
    if (!ids.isEmpty()) {
      held(jdbc.sql("select * from cascade_assignment where id in (:ids)").param("ids", ids).query(this::map).list());
    }
  }

  /**
   * Links the assignment to its process instance. When this transaction holds the row (a directive's
   * start), the row is kept linked in the transaction's cache and the update joins one batch sent
   * before the commit ({@link CommitBatch}); otherwise it is sent at once.
   */
  void setProcessInstance(long id, String processInstanceId) {
    String sql = "update cascade_assignment set process_instance_id = :pi where id = :id";
    Optional<Assignment> cached = TransactionCache.cached(CACHE, id);
    if (cached != null && cached.isPresent()) {
      CommitBatch.add(batch, sql, new MapSqlParameterSource().addValue("pi", processInstanceId).addValue("id", id));
      Optional<Assignment> linked = Optional.of(cached.get().withProcessInstanceId(processInstanceId));
      TransactionCache.put(CACHE, id, linked);
      TransactionCache.put(CACHE, "process-instance:" + processInstanceId, linked);
    } else {
      changing(sql).param("pi", processInstanceId).param("id", id).update();
    }
  }

  /** Records when the assignment was first urged as overdue; later calls keep the first instant. */
  public void markOverdue(long id, Instant at) {
    changing("update cascade_assignment set overdue_since = :at where id = :id and overdue_since is null")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  /** {@link #markOverdue} for many assignments at once (the morning digest's urgings), in one batch. */
  public void markOverdueAll(java.util.Collection<Long> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    TransactionCache.evict(CACHE);
    batch.batchUpdate("update cascade_assignment set overdue_since = :at where id = :id and overdue_since is null",
        ids.stream().map(id -> new MapSqlParameterSource().addValue("at", Timestamp.from(at)).addValue("id", id))
            .toArray(MapSqlParameterSource[]::new));
  }

  /** The assignment moves to another agency (a transfer): its history stays with the row. */
  void changeAgency(long id, String agencyCode) {
    changing("update cascade_assignment set agency_code = :g where id = :id").param("g", agencyCode).param("id", id)
        .update();
  }

  /** Whether the directive already gives this item to this agency (a transfer there would make two). */
  boolean exists(long directiveId, int itemNumber, String agencyCode) {
    return jdbc.sql("select count(*) from cascade_assignment where directive_id = :d and item_number = :i"
            + " and agency_code = :g").param("d", directiveId).param("i", itemNumber).param("g", agencyCode)
        .query(Integer.class).single() > 0;
  }

  void changeDeadline(long id, LocalDate deadline) {
    changing("update cascade_assignment set deadline = :d where id = :id").param("d", deadline).param("id", id).update();
  }

  /** Stores a submitted version of the report; it waits for review. Returns its version number. */
  int submitVersion(long id, Map<String, Object> report, Instant at, String by) {
    int version = jdbc.sql("select coalesce(max(version_no), 0) + 1 from cascade_report_version where assignment_id = :id")
        .param("id", id).query(Integer.class).single();
    changing("""
        insert into cascade_report_version (assignment_id, version_no, submitted_at, submitted_by, report_json)
        values (:id, :v, :at, :by, :report)""")
        .param("id", id).param("v", version).param("at", Timestamp.from(at)).param("by", by)
        .param("report", write(report)).update();
    changing("""
        update cascade_assignment set report_json = :report, submitted_at = :at, review_status = 'IN_REVIEW',
          work_status = :work
        where id = :id""")
        .param("report", write(report)).param("at", Timestamp.from(at))
        .param("work", report.get(AgencyAssignmentProcess.COMPLETION_STATUS.name())).param("id", id).update();
    return version;
  }

  /**
   * Stores the agency's later update as a new version, already standing (decision {@link #LATER_UPDATE}):
   * it becomes the report everybody reads, with the work status it declares. The report's timing
   * (when the report that was due arrived) does not change.
   */
  int storeLaterUpdate(long id, Map<String, Object> report, Instant at, String by, String text) {
    int version = jdbc.sql("select coalesce(max(version_no), 0) + 1 from cascade_report_version where assignment_id = :id")
        .param("id", id).query(Integer.class).single();
    changing("""
        insert into cascade_report_version (assignment_id, version_no, submitted_at, submitted_by, report_json,
          review_decision, review_comment)
        values (:id, :v, :at, :by, :report, :d, :c)""")
        .param("id", id).param("v", version).param("at", Timestamp.from(at)).param("by", by)
        .param("report", write(report)).param("d", LATER_UPDATE).param("c", text).update();
    changing("update cascade_assignment set report_json = :report, work_status = :work where id = :id")
        .param("report", write(report)).param("work", report.get(AgencyAssignmentProcess.COMPLETION_STATUS.name()))
        .param("id", id).update();
    return version;
  }

  /** The decision recorded on a version that is the agency's later update, not a submission for review. */
  public static final String LATER_UPDATE = "LATER_UPDATE";

  /**
   * The reviewer accepted the latest version: the assignment counts as reported on the date that
   * version was submitted, not on the date of the review.
   */
  void accept(long id, String reviewer, Instant at, String comment, Instant collectionOpenedAt) {
    reviewLatest(id, Assignment.ACCEPTED, reviewer, at, comment);
    Instant submitted = find(id).orElseThrow().submittedAt();
    changing("""
        update cascade_assignment set reported_at = submitted_at, review_status = 'ACCEPTED',
          arrived_after_collection = :after
        where id = :id""")
        .param("after", collectionOpenedAt != null && !submitted.isBefore(collectionOpenedAt)).param("id", id).update();
  }

  /** The reviewer returned the latest version for revision. */
  void returnForRevision(long id, String reviewer, Instant at, String comment) {
    reviewLatest(id, Assignment.RETURNED, reviewer, at, comment);
    changing("update cascade_assignment set review_status = 'RETURNED' where id = :id").param("id", id).update();
  }

  private void reviewLatest(long id, String decision, String reviewer, Instant at, String comment) {
    changing("""
        update cascade_report_version set review_decision = :d, reviewed_by = :by, reviewed_at = :at, review_comment = :c
        where assignment_id = :id and version_no = (select max(version_no) from cascade_report_version where assignment_id = :id)""")
        .param("d", decision).param("by", reviewer).param("at", Timestamp.from(at)).param("c", comment)
        .param("id", id).update();
  }

  /** Every version submitted, oldest first. */
  public List<ReportVersion> versions(long id) {
    return jdbc.sql("select * from cascade_report_version where assignment_id = :id order by version_no")
        .param("id", id).query((rs, n) -> new ReportVersion(rs.getInt("version_no"),
            rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"), read(rs.getString("report_json")),
            rs.getString("review_decision"), rs.getString("review_comment"), rs.getString("reviewed_by"),
            rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant()))
        .list();
  }

  /** One submitted version of a report and its review. */
  public record ReportVersion(int version, Instant submittedAt, String submittedBy, Map<String, Object> report,
      String reviewDecision, String reviewComment, String reviewedBy, Instant reviewedAt) {}

  /** A statement that writes this table: rows this transaction has read of it are forgotten. */
  private JdbcClient.StatementSpec changing(String sql) {
    TransactionCache.evict(CACHE);
    return jdbc.sql(sql);
  }

  private Assignment map(ResultSet rs, int row) throws SQLException {
    Timestamp reported = rs.getTimestamp("reported_at");
    String report = rs.getString("report_json");
    return new Assignment(
        rs.getLong("id"),
        rs.getLong("directive_id"),
        rs.getInt("item_number"),
        rs.getString("agency_code"),
        rs.getDate("deadline").toLocalDate(),
        rs.getString("process_instance_id"),
        reported == null ? null : reported.toInstant(),
        rs.getBoolean("arrived_after_collection"),
        report == null ? Map.of() : read(report),
        rs.getDate("original_deadline") == null ? null : rs.getDate("original_deadline").toLocalDate(),
        rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
        rs.getString("review_status"));
  }

  private String write(Map<String, Object> report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> read(String report) {
    try {
      return json.readValue(report, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
