package vn.cascade.assignment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What coordinating agencies (phối hợp) sent to the lead agency of an assignment. */
@Repository
public class ContributionRepository {

  /** One coordinating agency's contribution. */
  public record Contribution(String agencyCode, String text, String contactPerson, String contactPhone,
      String submittedBy, Instant submittedAt) {}

  private final JdbcClient jdbc;

  ContributionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(long assignmentId, String agency, String text, String person, String phone, String by, Instant at) {
    int updated = jdbc.sql("""
        update cascade_contribution set contribution_text = :t, contact_person = :p, contact_phone = :ph,
          submitted_by = :by, submitted_at = :at where assignment_id = :a and agency_code = :ag""")
        .param("t", text).param("p", person).param("ph", phone).param("by", by).param("at", Timestamp.from(at))
        .param("a", assignmentId).param("ag", agency).update();
    if (updated == 0) {
      jdbc.sql("""
          insert into cascade_contribution (assignment_id, agency_code, contribution_text, contact_person, contact_phone,
            submitted_by, submitted_at) values (:a, :ag, :t, :p, :ph, :by, :at)""")
          .param("a", assignmentId).param("ag", agency).param("t", text).param("p", person).param("ph", phone)
          .param("by", by).param("at", Timestamp.from(at)).update();
    }
  }

  public List<Contribution> of(long assignmentId) {
    return jdbc.sql("select * from cascade_contribution where assignment_id = :a order by submitted_at, id")
        .param("a", assignmentId)
        .query((rs, n) -> new Contribution(rs.getString("agency_code"), rs.getString("contribution_text"),
            rs.getString("contact_person"), rs.getString("contact_phone"), rs.getString("submitted_by"),
            rs.getTimestamp("submitted_at").toInstant()))
        .list();
  }
}
