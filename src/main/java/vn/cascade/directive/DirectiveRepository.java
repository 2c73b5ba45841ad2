package vn.cascade.directive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.cascade.common.TransactionCache;

/** Cascade's table of directives. */
@Repository
public class DirectiveRepository {

  /** The {@link TransactionCache} region of this table; every write here evicts it. */
  public static final String CACHE = "cascade_directive";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DirectiveRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(DirectiveDraft draft, Directive.Status status, Long conclusionId) {
    var keys = new GeneratedKeyHolder();
    changing("""
        insert into cascade_directive (number, status, issued_on, issuer, title, report_deadline, summary_deadline,
          collecting_agency, conclusion_id, body_json, created_at)
        values (:number, :status, :issuedOn, :issuer, :title, :reportDeadline, :summaryDeadline,
          :collectingAgency, :conclusionId, :body, :now)""")
        .param("number", draft.number())
        .param("status", status.name())
        .param("issuedOn", draft.issuedOn())
        .param("issuer", draft.issuer())
        .param("title", draft.title())
        .param("reportDeadline", draft.reportDeadline())
        .param("summaryDeadline", draft.summaryDeadline())
        .param("collectingAgency", draft.collectingAgencyOrDefault())
        .param("conclusionId", conclusionId)
        .param("body", write(draft))
        .param("now", Timestamp.from(Instant.now()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void replaceDraft(long id, DirectiveDraft draft) {
    changing("""
        update cascade_directive set number = :number, issued_on = :issuedOn, issuer = :issuer, title = :title,
          report_deadline = :reportDeadline, summary_deadline = :summaryDeadline,
          collecting_agency = :collectingAgency, body_json = :body
        where id = :id and status = 'DRAFT'""")
        .param("number", draft.number())
        .param("issuedOn", draft.issuedOn())
        .param("issuer", draft.issuer())
        .param("title", draft.title())
        .param("reportDeadline", draft.reportDeadline())
        .param("summaryDeadline", draft.summaryDeadline())
        .param("collectingAgency", draft.collectingAgencyOrDefault())
        .param("body", write(draft))
        .param("id", id)
        .update();
  }

  void markIssued(long id) {
    changing("update cascade_directive set status = 'ISSUED' where id = :id").param("id", id).update();
  }

  void setProcessInstance(long id, String processInstanceId) {
    changing("update cascade_directive set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  /** Records when the collection first opened; later calls keep the first instant. */
  void markCollectionOpened(long id, Instant at) {
    changing("update cascade_directive set collection_opened_at = :at where id = :id and collection_opened_at is null")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  void markSummaryApproved(long id, String summaryNumber, Instant at) {
    changing("update cascade_directive set summary_number = :n, summary_approved_at = :at where id = :id")
        .param("n", summaryNumber).param("at", Timestamp.from(at)).param("id", id).update();
  }

  public Optional<Directive> find(long id) {
    return TransactionCache.get(CACHE, id,
        () -> jdbc.sql("select * from cascade_directive where id = :id").param("id", id).query(this::map).optional());
  }

  /** The directive a process instance runs; delegates trust this, not a variable. */
  public Optional<Directive> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from cascade_directive where process_instance_id = :pi").param("pi", processInstanceId)
        .query(this::map).optional();
  }

  public Optional<Directive> findByNumber(String number) {
    return jdbc.sql("select * from cascade_directive where number = :n").param("n", number).query(this::map).optional();
  }

  /** The directive prepared for a Conclusion's process, as a draft or once issued (the latest). */
  public Optional<Directive> findOfConclusion(long conclusionId) {
    return jdbc.sql("select * from cascade_directive where conclusion_id = :c order by id desc")
        .param("c", conclusionId).query(this::map).list().stream().findFirst();
  }

  public Optional<Directive> findDraftOfConclusion(long conclusionId) {
    return jdbc.sql("select * from cascade_directive where conclusion_id = :c and status = 'DRAFT'")
        .param("c", conclusionId).query(this::map).optional();
  }

  public List<Directive> findAll() {
    return jdbc.sql("select * from cascade_directive order by issued_on desc, id desc").query(this::map).list();
  }

  public boolean numberTaken(String number, Long exceptId) {
    return jdbc.sql("select id from cascade_directive where number = :n").param("n", number).query(Long.class).list()
        .stream().anyMatch(id -> !id.equals(exceptId));
  }

  /** A statement that writes this table: rows this transaction has read of it are forgotten. */
  private JdbcClient.StatementSpec changing(String sql) {
    TransactionCache.evict(CACHE);
    return jdbc.sql(sql);
  }

  private Directive map(ResultSet rs, int row) throws SQLException {
    return new Directive(
        rs.getLong("id"),
        rs.getString("number"),
        Directive.Status.valueOf(rs.getString("status")),
        rs.getDate("issued_on").toLocalDate(),
        rs.getString("issuer"),
        rs.getString("title"),
        rs.getDate("report_deadline").toLocalDate(),
        rs.getDate("summary_deadline").toLocalDate(),
        rs.getString("collecting_agency"),
        (Long) rs.getObject("conclusion_id", Long.class),
        read(rs.getString("body_json")),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("collection_opened_at")),
        rs.getString("summary_number"),
        instant(rs.getTimestamp("summary_approved_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private String write(DirectiveDraft draft) {
    try {
      return json.writeValueAsString(draft);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private DirectiveDraft read(String body) {
    try {
      return json.readValue(body, DirectiveDraft.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
