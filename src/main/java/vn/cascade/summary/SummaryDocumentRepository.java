package vn.cascade.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of each directive's summary report and each Conclusion's report back, stored in the
 * database ({@code cascade_summary_document}); the subject's kind names the column (a constant, not input).
 */
@Repository
class SummaryDocumentRepository {

  private static final String COLUMNS = "id, directive_id, conclusion_id, version, file_name, content_type, size_bytes, uploaded_by,"
      + " uploaded_at, decision, decided_by, decided_at, decision_comment";

  private final JdbcClient jdbc;

  SummaryDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the next version (the subject's row is locked by the caller) and answers its number. */
  int store(DocumentSubject s, String fileName, String contentType, byte[] content, String by, Instant at) {
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from cascade_summary_document where " + s.kind().column
            + " = :d")
        .param("d", s.id()).query(Integer.class).single();
    jdbc.sql("insert into cascade_summary_document (" + s.kind().column + """
        , version, file_name, content_type, size_bytes, content,
          uploaded_by, uploaded_at)
        values (:d, :v, :n, :t, :s, :c, :by, :at)""")
        .param("d", s.id()).param("v", version).param("n", fileName).param("t", contentType)
        .param("s", (long) content.length).param("c", content).param("by", by).param("at", Timestamp.from(at))
        .update();
    return version;
  }

  List<SummaryDocument> of(DocumentSubject s) {
    return jdbc.sql("select " + COLUMNS + " from cascade_summary_document where " + s.kind().column
            + " = :d order by version")
        .param("d", s.id()).query(SummaryDocumentRepository::row).list();
  }

  Optional<SummaryDocument> latest(DocumentSubject s) {
    String column = s.kind().column;
    return jdbc.sql("select " + COLUMNS + " from cascade_summary_document where " + column + " = :d"
            + " and version = (select max(version) from cascade_summary_document where " + column + " = :d)")
        .param("d", s.id()).query(SummaryDocumentRepository::row).optional();
  }

  Optional<SummaryDocument> approved(DocumentSubject s) {
    return jdbc.sql("select " + COLUMNS + " from cascade_summary_document where " + s.kind().column + " = :d"
            + " and decision = 'approved' order by version desc")
        .param("d", s.id()).query(SummaryDocumentRepository::row).list().stream().findFirst();
  }

  Optional<byte[]> content(DocumentSubject s, int version) {
    return jdbc.sql("select content from cascade_summary_document where " + s.kind().column + " = :d and version = :v")
        .param("d", s.id()).param("v", version).query(byte[].class).optional();
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
    long directive = rs.getLong("directive_id");
    boolean ofDirective = !rs.wasNull();
    return new SummaryDocument(rs.getLong("id"), ofDirective ? DocumentSubject.Kind.DIRECTIVE
            : DocumentSubject.Kind.CONCLUSION, ofDirective ? directive : rs.getLong("conclusion_id"), rs.getInt("version"),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("decision"), rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(), rs.getString("decision_comment"));
  }
}
