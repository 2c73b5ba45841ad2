package vn.cascade.attachment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files attached to reports, stored in the database. */
@Repository
public class AttachmentRepository {

  /** A file without its content. */
  public record Attachment(long id, long assignmentId, String fileName, String contentType, long sizeBytes,
      String uploadedBy, Instant uploadedAt) {}

  private final JdbcClient jdbc;

  AttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long store(long assignmentId, String fileName, String contentType, byte[] content, String by, Instant at) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
        insert into cascade_attachment (assignment_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
        values (:a, :n, :t, :s, :c, :by, :at)""")
        .param("a", assignmentId).param("n", fileName).param("t", contentType).param("s", (long) content.length)
        .param("c", content).param("by", by).param("at", Timestamp.from(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public List<Attachment> of(long assignmentId) {
    return jdbc.sql("""
        select id, assignment_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at
        from cascade_attachment where assignment_id = :a order by id""").param("a", assignmentId)
        .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getLong("assignment_id"), rs.getString("file_name"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
            rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  Optional<byte[]> content(long assignmentId, long id) {
    return jdbc.sql("select content from cascade_attachment where id = :id and assignment_id = :a")
        .param("id", id).param("a", assignmentId).query(byte[].class).optional();
  }
}
