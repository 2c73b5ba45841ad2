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
      String uploadedBy, Instant uploadedAt) {

    /** The size as every page and form shows it: "120 KB", "1,5 MB" (Vietnamese decimal comma). */
    public String sizeText() {
      return sizeText(sizeBytes);
    }

    public static String sizeText(long bytes) {
      return bytes < 1024 * 1024 ? Math.max(1, (bytes + 512) / 1024) + " KB"
          : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)).replace('.', ',');
    }
  }

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

  /** Removes one file of the assignment; answers whether there was one. */
  boolean delete(long assignmentId, long id) {
    return jdbc.sql("delete from cascade_attachment where id = :id and assignment_id = :a")
        .param("id", id).param("a", assignmentId).update() == 1;
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
