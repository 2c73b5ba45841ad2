package vn.cascade.demo;

import java.time.LocalDate;
import vn.cascade.conclusion.ConclusionDraft;
import vn.cascade.directive.DirectiveDraft;

/** The structured demo file: a Conclusion, its receipt, and its implementing directive. */
public record DemoCase(ConclusionDraft conclusion, Receipt receipt, DirectiveDraft directive) {

  /** How Văn phòng UBND registered the Conclusion on arrival. */
  public record Receipt(String receivedBy, String incomingNumber, LocalDate receivedOn) {}

  /** The same case under other document numbers, so that it can run more than once. */
  public DemoCase withNumbers(String conclusionNumber, String directiveNumber) {
    ConclusionDraft c = conclusion;
    return new DemoCase(new ConclusionDraft(conclusionNumber, c.issuedOn(), c.place(), c.issuer(), c.issuerAgency(),
        c.signer(), c.signerTitle(), c.title(), c.reportBackDeadline(), c.reportBackTo(), c.items(), c.recipients()),
        receipt, directive.withMetadata(directiveNumber, directive.issuedOn(), directive.title(),
            directive.reportDeadline(), directive.summaryDeadline()));
  }
}
