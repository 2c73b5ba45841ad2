package vn.cascade.intake;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cascade.attachment.AttachmentRepository;

/**
 * The letter file an officer uploaded on *Soạn / nhập Công văn* (or *Đăng ký Kết luận*), kept with the
 * directive (or Conclusion) it became. The import stores it with neither under a random token that
 * only the review form carries; *Ban hành* (*Đăng ký*) attaches it when the same user issues. A file never attached is dropped after a day, and each
 * user keeps at most {@link #PENDING_PER_USER} of them.
 */
@Repository
public class DirectiveLetters {

  static final Duration PENDING_FOR = Duration.ofDays(1);
  static final int PENDING_PER_USER = 5;

  /** A kept file without its content. */
  public record Letter(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
      Instant uploadedAt) {

    /** What the pages say of it: "PDF, 120 KB". */
    public String description() {
      return kind() + ", " + AttachmentRepository.Attachment.sizeText(sizeBytes);
    }

    public String kind() {
      return switch (contentType.replaceAll(";.*", "")) {
        case "application/pdf" -> "PDF";
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
        case "image/png" -> "PNG";
        case "image/jpeg" -> "JPEG";
        case "image/tiff" -> "TIFF";
        case "text/plain" -> "TXT";
        default -> "tệp";
      };
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  DirectiveLetters(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps a letter just read for the review; answers the token the review form carries. */
  String keep(String fileName, byte[] content, String by) {
    Instant now = clock.instant();
    jdbc.sql("""
        delete from cascade_directive_letter
        where directive_id is null and conclusion_id is null and uploaded_at < :before""")
        .param("before", Timestamp.from(now.minus(PENDING_FOR))).update();
    // The user's older pending files beyond the last few: a review abandoned for a new import.
    var older = jdbc.sql("""
        select id from cascade_directive_letter where directive_id is null and conclusion_id is null and uploaded_by = :by
        order by uploaded_at desc, id desc""").param("by", by).query(Long.class).list();
    for (Long id : older.stream().skip(PENDING_PER_USER - 1).toList()) {
      jdbc.sql("delete from cascade_directive_letter where id = :id").param("id", id).update();
    }
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    jdbc.sql("""
        insert into cascade_directive_letter (token, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
        values (:token, :name, :type, :size, :content, :by, :at)""")
        .param("token", token).param("name", fileName(fileName)).param("type", LetterFiles.contentType(content))
        .param("size", (long) content.length).param("content", content).param("by", by)
        .param("at", Timestamp.from(now)).update();
    return token;
  }

  /** The file a review form's token stands for, while it waits for this user's *Ban hành*. */
  Optional<Letter> pending(String token, String by) {
    if (token == null || by == null) {
      return Optional.empty();
    }
    return jdbc.sql(SELECT + " where token = :token and uploaded_by = :by and " + PENDING + " and uploaded_at >= :after")
        .param("token", token.strip()).param("by", by)
        .param("after", Timestamp.from(clock.instant().minus(PENDING_FOR))).query(DirectiveLetters::letter).optional();
  }

  /** Attaches the user's pending file to the directive just issued; answers whether there was one. */
  boolean attach(String token, String by, long directiveId) {
    return jdbc.sql("update cascade_directive_letter set directive_id = :directive "
        + "where token = :token and uploaded_by = :by and " + PENDING)
        .param("directive", directiveId).param("token", token.strip()).param("by", by).update() == 1;
  }

  /** Attaches the user's pending file to the Conclusion just registered; answers whether there was one. */
  boolean attachToConclusion(String token, String by, long conclusionId) {
    return jdbc.sql("update cascade_directive_letter set conclusion_id = :conclusion "
        + "where token = :token and uploaded_by = :by and " + PENDING)
        .param("conclusion", conclusionId).param("token", token.strip()).param("by", by).update() == 1;
  }

  /** The letter a Conclusion was registered from, when it was uploaded as a file. */
  public Optional<Letter> ofConclusion(long conclusionId) {
    return jdbc.sql(SELECT + " where conclusion_id = :conclusion order by id desc").param("conclusion", conclusionId)
        .query(DirectiveLetters::letter).list().stream().findFirst();
  }

  public Optional<byte[]> conclusionContent(long conclusionId, long letterId) {
    return jdbc.sql("select content from cascade_directive_letter where id = :id and conclusion_id = :conclusion")
        .param("id", letterId).param("conclusion", conclusionId).query(byte[].class).optional();
  }

  /** The letter a directive was issued from, when it was uploaded as a file. */
  public Optional<Letter> of(long directiveId) {
    return jdbc.sql(SELECT + " where directive_id = :directive order by id desc").param("directive", directiveId)
        .query(DirectiveLetters::letter).list().stream().findFirst();
  }

  public Optional<byte[]> content(long directiveId, long letterId) {
    return jdbc.sql("select content from cascade_directive_letter where id = :id and directive_id = :directive")
        .param("id", letterId).param("directive", directiveId).query(byte[].class).optional();
  }

  private static final String PENDING = "directive_id is null and conclusion_id is null";

  private static final String SELECT =
      "select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from cascade_directive_letter";

  private static Letter letter(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Letter(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }

  /** The name without a client's folders or control characters, at most 255 characters. */
  static String fileName(String name) {
    String s = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
    if (s.isEmpty()) {
      s = "van-ban";
    }
    return s.length() > 255 ? s.substring(s.length() - 255) : s;
  }
}
