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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cascade's table of assignments; also the source of a directive's multi-instance collection. */
@Repository("directiveAssignments")
public class AssignmentRepository {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AssignmentRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(long directiveId, int itemNumber, String agencyCode, LocalDate deadline) {
    jdbc.sql("""
        insert into cascade_assignment (directive_id, item_number, agency_code, deadline)
        values (:d, :i, :a, :deadline)""")
        .param("d", directiveId).param("i", itemNumber).param("a", agencyCode).param("deadline", deadline)
        .update();
  }

  /** The ids a directive's multi-instance runs over, used as {@code ${directiveAssignments.idsOf(directiveId)}}. */
  public List<Long> idsOf(Long directiveId) {
    return jdbc.sql("select id from cascade_assignment where directive_id = :d order by item_number, id")
        .param("d", directiveId).query(Long.class).list();
  }

  public Optional<Assignment> find(long id) {
    return jdbc.sql("select * from cascade_assignment where id = :id").param("id", id).query(this::map).optional();
  }

  /**
   * The assignment a process instance works on. Delegates look it up here rather than trusting
   * the {@code assignmentId} variable, which a task completion could overwrite.
   */
  public Optional<Assignment> ofProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from cascade_assignment where process_instance_id = :pi").param("pi", processInstanceId)
        .query(this::map).optional();
  }

  public List<Assignment> ofDirective(long directiveId) {
    return jdbc.sql("select * from cascade_assignment where directive_id = :d order by item_number, id")
        .param("d", directiveId).query(this::map).list();
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update cascade_assignment set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  void changeDeadline(long id, LocalDate deadline) {
    jdbc.sql("update cascade_assignment set deadline = :d where id = :id").param("d", deadline).param("id", id).update();
  }

  /** Stores the report; the first submission's instant is kept as the reporting date. */
  void recordReport(long id, Map<String, Object> report, Instant at, boolean afterCollection) {
    jdbc.sql("""
        update cascade_assignment set report_json = :report,
          reported_at = coalesce(reported_at, :at),
          arrived_after_collection = :after
        where id = :id""")
        .param("report", write(report)).param("at", Timestamp.from(at)).param("after", afterCollection)
        .param("id", id).update();
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
        report == null ? Map.of() : read(report));
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
