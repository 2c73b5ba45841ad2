package vn.cascade.directive;

import java.time.Instant;
import java.time.LocalDate;

/** A directive as stored: its metadata, its full text, and where its process stands. */
public record Directive(
    long id,
    String number,
    Status status,
    LocalDate issuedOn,
    String issuer,
    String title,
    LocalDate reportDeadline,
    LocalDate summaryDeadline,
    String collectingAgency,
    Long conclusionId,
    DirectiveDraft body,
    String processInstanceId,
    Instant collectionOpenedAt,
    String summaryNumber,
    Instant summaryApprovedAt) {

  /** DRAFT while Văn phòng UBND drafts it inside a Conclusion's process; ISSUED once it runs. */
  public enum Status { DRAFT, ISSUED }
}
