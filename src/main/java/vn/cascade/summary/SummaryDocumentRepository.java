package vn.cascade.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of each directive's summary report, stored in the database ({@code cascade_summary_document}). */
@Repository
class SummaryDocumentRepository {

  private static final String COLUMNS = "id, directive_id, version, file_name, content_type, size_bytes, uploaded_by,"
      + " uploaded_at, decision, decided_by, decided_at, decision_comment";

  private final JdbcClient jdbc;

  SummaryDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the next version (the directive's row is locked by the caller) and answers its number. */
  int store(long directiveId, String fileName, String contentType, byte[] content, String by, Instant at) {
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from cascade_summary_document where directive_id = :d")
        .param("d", directiveId).query(Integer.class).single();
    jdbc.sql("""
        insert into cascade_summary_document (directive_id, version, file_name, content_type, size_bytes, content,
          uploaded_by, uploaded_at)
        values (:d, :v, :n, :t, :s, :c, :by, :at)""")
        .param("d", directiveId).param("v", version).param("n", fileName).param("t", contentType)
        .param("s", (long) content.length).param("c", content).param("by", by).param("at", Timestamp.from(at))
        .update();
    return version;
  }

  List<SummaryDocument> of(long directiveId) {
    return jdbc.sql("select " + COLUMNS + " from cascade_summary_document where directive_id = :d order by version")
        .param("d", directiveId).query(SummaryDocumentRepository::row).list();
  }

  Optional<SummaryDocument> latest(long directiveId) {
    return jdbc.sql("select " + COLUMNS + " from cascade_summary_document where directive_id = :d"
            + " and version = (select max(version) from cascade_summary_document where directive_id = :d)")
        .param("d", directiveId).query(SummaryDocumentRepository::row).optional();
  }

  Optional<SummaryDocument> approved(long directiveId) {
    return jdbc.sql("select " + COLUMNS + " from cascade_summary_document where directive_id = :d"
            + " and decision = 'approved' order by version desc")
        .param("d", directiveId).query(SummaryDocumentRepository::row).list().stream().findFirst();
  }

  Optional<byte[]> content(long directiveId, int version) {
    return jdbc.sql("select content from cascade_summary_document where directive_id = :d and version = :v")
        .param("d", directiveId).param("v", version).query(byte[].class).optional();
  }

  void decide(long id, String decision, String by, Instant at, String comment) {
    jdbc.sql("""
        update cascade_summary_document set decision = :decision, decided_by = :by, decided_at = :at,
          decision_comment = :comment where id = :id""")
        .param("decision", decision).param("by", by).param("at", Timestamp.from(at)).param("comment", comment)
        .param("id", id).update();
  }

  private static SummaryDocument row(ResultSet rs, int n) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new SummaryDocument(rs.getLong("id"), rs.getLong("directive_id"), rs.getInt("version"),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("decision"), rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(), rs.getString("decision_comment"));
  }
}
