package vn.cascade.conclusion;

import java.time.Instant;
import java.time.LocalDate;

/** A registered Conclusion and what Văn phòng UBND recorded about it. */
public record Conclusion(
    long id,
    String number,
    LocalDate issuedOn,
    String issuer,
    String title,
    LocalDate reportBackDeadline,
    ConclusionDraft body,
    String incomingNumber,
    LocalDate receivedOn,
    String processInstanceId,
    String reportBackNumber,
    Instant reportedBackAt) {}
