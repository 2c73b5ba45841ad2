package vn.cascade.attachment;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.CurrentUser;

/**
 * Attaching the signed report file: who may attach (the agency, until its report is accepted),
 * who may read (the agency, its reviewer and collector, managers), which files are accepted.
 */
@Service
public class AttachmentService {

  /** Accepted files by extension: PDF, Word, Excel, images. */
  static final Map<String, String> TYPES = Map.of(
      "pdf", "application/pdf",
      "doc", "application/msword",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "xls", "application/vnd.ms-excel",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "png", "image/png",
      "jpg", "image/jpeg",
      "jpeg", "image/jpeg");

  private final AttachmentRepository attachments;
  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final CurrentUser user;
  private final Clock clock;
  /** File names are kept whole up to this length (the column's size). */
  static final int MAX_NAME = 255;
  static final String CONTROL_IN_NAME = "Tên tệp có ký tự điều khiển (ví dụ ký tự NUL), không dùng được cho tệp "
      + "đính kèm. Xin đổi tên tệp rồi đính kèm lại.";

  private final long maxBytes;

  AttachmentService(AttachmentRepository attachments, AssignmentRepository assignments, DirectiveRepository directives,
      CurrentUser user, Clock clock,
      @Value("${cascade.attachments.max-bytes:20971520}") long maxBytes) {
    this.attachments = attachments;
    this.assignments = assignments;
    this.directives = directives;
    this.user = user;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public boolean mayRead(Assignment a) {
    Directive d = directives.find(a.directiveId()).orElseThrow();
    return user.isManager() || user.groups().contains(a.agencyCode()) || user.groups().contains(d.collectingAgency())
        || user.groups().contains(d.body().reviewingAgencyOrDefault());
  }

  public boolean mayAttach(Assignment a) {
    return user.groups().contains(a.agencyCode()) && !a.reported();
  }

  @Transactional
  public long attach(Assignment a, MultipartFile file) throws IOException {
    String name = file == null ? null : Texts.nfc(file.getOriginalFilename());
    if (file == null || file.isEmpty() || Texts.isBlank(name)) {
      throw new InvalidInputException("file", "Vui lòng chọn một tệp để đính kèm.");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("file", CONTROL_IN_NAME);
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException("file", "Tên tệp dài " + Texts.thousands(name.length()) + " ký tự; tên tệp tối đa "
          + MAX_NAME + " ký tự. Xin đổi tên tệp cho ngắn hơn rồi đính kèm lại.");
    }
    if (file.getSize() > maxBytes) {
      throw new InvalidInputException("file", "Tệp " + name + " lớn hơn giới hạn " + maxBytes / (1024 * 1024)
          + " MB.");
    }
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    String type = TYPES.get(extension);
    if (type == null) {
      throw new InvalidInputException("file", "Loại tệp của " + name + " không được chấp nhận. Chỉ nhận PDF, Word "
          + "(DOC, DOCX), Excel (XLS, XLSX) và ảnh (PNG, JPG).");
    }
    String safeName = name.replaceAll("[\\\\/]", "_");
    long id = attachments.store(a.id(), safeName, type, file.getBytes(), user.userId(), clock.instant());
    return id;
  }

  /**
   * Whether this user may remove the file: the assignment's agency, while the file is not part of a
   * submitted report (attached after the latest submission, and the report is not waiting for review).
   */
  public boolean mayRemove(Assignment a, AttachmentRepository.Attachment f) {
    return mayAttach(a) && !a.inReview() && (a.submittedAt() == null || f.uploadedAt().isAfter(a.submittedAt()));
  }

  @Transactional
  public void remove(Assignment a, long fileId) {
    AttachmentRepository.Attachment f = of(a).stream().filter(x -> x.id() == fileId).findFirst()
        .orElseThrow(() -> new vn.cascade.common.NotFoundException("Không tìm thấy tệp đính kèm."));
    if (!mayRemove(a, f)) {
      throw new vn.cascade.common.ForbiddenException(
          "Chỉ cơ quan thực hiện được gỡ tệp, khi tệp chưa nằm trong một báo cáo đã nộp.");
    }
    attachments.delete(a.id(), fileId);
  }

  public List<AttachmentRepository.Attachment> of(Assignment a) {
    return attachments.of(a.id());
  }

  public byte[] content(Assignment a, long id) {
    return attachments.content(a.id(), id).orElseThrow(
        () -> new vn.cascade.common.NotFoundException("Không tìm thấy tệp đính kèm."));
  }
}
