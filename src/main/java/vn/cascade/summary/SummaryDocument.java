package vn.cascade.summary;

import java.time.Instant;

/**
 * One uploaded version of a directive's summary report or of a Conclusion's report back (its
 * {@code kind}, of subject {@code subjectId}), without its content. {@code decision} is the
 * leader's on this version ({@value #APPROVED} or {@value #RETURNED}), null while none was taken.
 */
public record SummaryDocument(long id, DocumentSubject.Kind subjectKind, long subjectId, int version, String fileName, String contentType,
    long sizeBytes, String uploadedBy, Instant uploadedAt, String decision, String decidedBy, Instant decidedAt,
    String decisionComment) {

  public static final String APPROVED = "approved";
  public static final String RETURNED = "returned";

  public boolean approved() {
    return APPROVED.equals(decision);
  }

  public boolean returned() {
    return RETURNED.equals(decision);
  }

  /** "PDF" or "DOCX". */
  public String kind() {
    return SummaryDocuments.PDF.equals(contentType) ? "PDF" : "DOCX";
  }

  public String sizeText() {
    return vn.cascade.attachment.AttachmentRepository.Attachment.sizeText(sizeBytes);
  }

  /** Where the file is downloaded. */
  public String url() {
    return subjectKind.url(subjectId, version);
  }
}
