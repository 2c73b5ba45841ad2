package vn.cascade.summary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.Texts;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.security.CurrentUser;

/**
 * A report as a file, uploaded beside Tasklist (its forms have no file picker): the collector's
 * summary of a directive, or Văn phòng UBND's report back on a Conclusion ({@link DocumentSubject}).
 * Only the subject's uploading group may upload, while the task that prepares it is open; as the
 * DOCX edited in Word or the signed PDF, each upload a new version (the generated draft is not
 * stored: the first upload is version 1). The file must be what its name says: a PDF starts with
 * {@code %PDF-}, a DOCX is a ZIP holding {@code word/document.xml}.
 */
@Service
public class SummaryDocuments {

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /** What a browser may declare for either kind besides its own type. */
  private static final Set<String> GENERIC = Set.of("application/octet-stream", "application/zip",
      "application/x-zip-compressed", "application/x-pdf", "binary/octet-stream");
  static final int MAX_NAME = 255;

  private final SummaryDocumentRepository documents;
  private final TaskService tasks;
  private final CurrentUser user;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final long maxBytes;

  SummaryDocuments(SummaryDocumentRepository documents, TaskService tasks, CurrentUser user, JdbcClient jdbc,
      Clock clock, @Value("${cascade.summary-documents.max-bytes:20971520}") long maxBytes) {
    this.documents = documents;
    this.tasks = tasks;
    this.user = user;
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public List<SummaryDocument> versions(long directiveId) {
    return versions(directive(directiveId));
  }

  public List<SummaryDocument> versions(DocumentSubject s) {
    return documents.of(s);
  }

  /** The version last uploaded: the one the collection task completes with and the leader decides on. */
  public Optional<SummaryDocument> latest(long directiveId) {
    return latest(directive(directiveId));
  }

  /** The version last uploaded: the one the preparing task completes with and the leader decides on. */
  public Optional<SummaryDocument> latest(DocumentSubject s) {
    return documents.latest(s);
  }

  /** The version the leader approved, if one was. */
  public Optional<SummaryDocument> approved(long directiveId) {
    return approved(directive(directiveId));
  }

  public Optional<SummaryDocument> approved(DocumentSubject s) {
    return documents.approved(s);
  }

  /** Whether the collection task of the directive is open now. */
  public boolean collectionOpen(Directive d) {
    return openTask(DocumentSubject.of(d)).isPresent();
  }

  /** The id of the directive's collection task while it is open. */
  public Optional<String> collectionTask(Directive d) {
    return openTask(DocumentSubject.of(d));
  }

  /** The id of the task that prepares the subject's document, while it is open. */
  public Optional<String> openTask(DocumentSubject s) {
    return s.processInstanceId() == null ? Optional.empty() : tasks.createTaskQuery()
        .processInstanceId(s.processInstanceId()).taskDefinitionKey(s.taskKey()).list()
        .stream().findFirst().map(org.camunda.bpm.engine.task.Task::getId);
  }

  /** Only the users of the directive's collecting agency, and only while its collection task is open. */
  public boolean mayUpload(Directive d) {
    return mayUpload(DocumentSubject.of(d));
  }

  /** Only the users of the subject's uploading group, and only while its preparing task is open. */
  public boolean mayUpload(DocumentSubject s) {
    return user.groups().contains(s.uploaderGroup()) && openTask(s).isPresent();
  }

  /** Stores the file as the next version and answers its number; nothing is stored when it is refused. */
  @Transactional
  public int upload(DocumentSubject s, MultipartFile file) throws IOException {
    // One upload at a time per subject, and none once its preparing task has completed: the
    // completion takes the same lock (RequireSummaryDocumentListener), so the version it checked is
    // the one the leader gets.
    lock(s);
    String what = s.kind().what;
    if (!mayUpload(s)) {
      throw new ForbiddenException("Chỉ cơ quan được giao được tải lên " + what + ", khi nhiệm vụ chuẩn bị "
          + what + " đang mở.");
    }
    String name = file == null ? null : Texts.nfc(file.getOriginalFilename());
    if (file == null || Texts.isBlank(name)) {
      throw refused("Vui lòng chọn tệp " + what + " (DOCX hoặc PDF đã ký) để tải lên.");
    }
    if (file.isEmpty()) {
      throw refused("Tệp " + name + " trống (0 byte). Vui lòng chọn tệp " + what + " đã lưu.");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw refused("Tên tệp có ký tự điều khiển. Xin đổi tên tệp rồi tải lên lại.");
    }
    if (name.length() > MAX_NAME) {
      throw refused("Tên tệp dài " + Texts.thousands(name.length()) + " ký tự; tên tệp tối đa " + MAX_NAME
          + " ký tự. Xin đổi tên tệp cho ngắn hơn rồi tải lên lại.");
    }
    if (file.getSize() > maxBytes) {
      throw refused("Tệp " + name + " lớn hơn giới hạn " + maxBytes / (1024 * 1024) + " MB.");
    }
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    String type = switch (extension) {
      case "docx" -> DOCX;
      case "pdf" -> PDF;
      default -> throw refused(what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " chỉ nhận tệp Word (DOCX) hoặc PDF đã ký; tệp " + name
          + " không phải hai loại này.");
    };
    String declared = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT).split(";")[0]
        .strip();
    if (!declared.isEmpty() && !declared.equals(type) && !GENERIC.contains(declared)) {
      throw refused("Tệp " + name + " được gửi với loại " + declared + ", không khớp với tệp " + extension.toUpperCase(
          Locale.ROOT) + ".");
    }
    byte[] content = file.getBytes();
    boolean genuine = type.equals(PDF) ? isPdf(content) : isDocx(content);
    if (!genuine) {
      throw refused("Tệp " + name + " không phải tệp " + (type.equals(PDF) ? "PDF" : "Word (DOCX)")
          + " thật (nội dung không đúng định dạng). Xin lưu lại tệp từ Word hoặc từ phần mềm ký số rồi tải lên.");
    }
    return documents.store(s, name.replaceAll("[\\\\/]", "_"), type, content, user.userId(), clock.instant());
  }

  /** Holds the subject's row (the directive's, the Conclusion's) until the transaction ends. */
  void lock(DocumentSubject s) {
    jdbc.sql("select id from " + s.kind().table + " where id = :id for update").param("id", s.id())
        .query(Long.class).single();
  }

  public byte[] content(long directiveId, int version) {
    return content(directive(directiveId), version);
  }

  public byte[] content(DocumentSubject s, int version) {
    return documents.content(s, version).orElseThrow(() -> new NotFoundException("Không tìm thấy phiên bản " + version
        + " của " + s.kind().what + "."));
  }

  /** Keeps the leader's decision with the version put before them; nothing when there is none. */
  void recordDecision(DocumentSubject s, String decision, String by, String comment) {
    documents.latest(s).ifPresent(doc -> documents.decide(doc.id(), decision, by, clock.instant(),
        comment == null || comment.isBlank() ? null : Texts.fitVariable(comment)));
  }

  private static DocumentSubject directive(long id) {
    return DocumentSubject.stored(DocumentSubject.Kind.DIRECTIVE, id);
  }

  private static InvalidInputException refused(String message) {
    return new InvalidInputException("file", message + " Chưa có gì được lưu.");
  }

  static boolean isPdf(byte[] content) {
    return content.length > 8 && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
  }

  /** A ZIP (local file header PK\3\4) whose entries include word/document.xml. */
  static boolean isDocx(byte[] content) {
    if (content.length < 30 || !Arrays.equals(Arrays.copyOf(content, 4), new byte[] {'P', 'K', 3, 4})) {
      return false;
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry e;
      for (int n = 0; n < 10_000 && (e = zip.getNextEntry()) != null; n++) {
        if ("word/document.xml".equals(e.getName())) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
