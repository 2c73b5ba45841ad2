package vn.cascade.conclusion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cascade's table of Conclusions. */
@Repository
class ConclusionRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ConclusionRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(ConclusionDraft c) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into cascade_conclusion (number, issued_on, issuer, title, report_back_deadline, body_json, created_at)
        values (:number, :issuedOn, :issuer, :title, :deadline, :body, :now)""")
        .param("number", c.number()).param("issuedOn", c.issuedOn()).param("issuer", c.issuer())
        .param("title", c.title()).param("deadline", c.reportBackDeadline()).param("body", write(c))
        .param("now", Timestamp.from(Instant.now()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update cascade_conclusion set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  void recordReceipt(long id, String incomingNumber, LocalDate receivedOn) {
    jdbc.sql("update cascade_conclusion set incoming_number = :n, received_on = :d where id = :id")
        .param("n", incomingNumber).param("d", receivedOn).param("id", id).update();
  }

  void recordReportBack(long id, String number, Instant at) {
    jdbc.sql("update cascade_conclusion set report_back_number = :n, reported_back_at = :at where id = :id")
        .param("n", number).param("at", Timestamp.from(at)).param("id", id).update();
  }

  Optional<Conclusion> find(long id) {
    return jdbc.sql("select * from cascade_conclusion where id = :id").param("id", id).query(this::map).optional();
  }

  /** The Conclusion a process instance works on; delegates trust this, not a variable. */
  Optional<Conclusion> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from cascade_conclusion where process_instance_id = :pi").param("pi", processInstanceId)
        .query(this::map).optional();
  }

  Optional<Conclusion> findByNumber(String number) {
    return jdbc.sql("select * from cascade_conclusion where number = :n").param("n", number).query(this::map).optional();
  }

  private Conclusion map(ResultSet rs, int row) throws SQLException {
    Date received = rs.getDate("received_on");
    Timestamp reportedBack = rs.getTimestamp("reported_back_at");
    return new Conclusion(rs.getLong("id"), rs.getString("number"), rs.getDate("issued_on").toLocalDate(),
        rs.getString("issuer"), rs.getString("title"), rs.getDate("report_back_deadline").toLocalDate(),
        read(rs.getString("body_json")), rs.getString("incoming_number"),
        received == null ? null : received.toLocalDate(), rs.getString("process_instance_id"),
        rs.getString("report_back_number"), reportedBack == null ? null : reportedBack.toInstant());
  }

  private String write(ConclusionDraft c) {
    try {
      return json.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ConclusionDraft read(String body) {
    try {
      return json.readValue(body, ConclusionDraft.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
