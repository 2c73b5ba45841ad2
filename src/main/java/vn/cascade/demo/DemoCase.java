package vn.cascade.demo;

import java.time.LocalDate;
import vn.cascade.conclusion.ConclusionDraft;
import vn.cascade.directive.DirectiveDraft;

/** The structured demo file: a Conclusion, its receipt, and its implementing directive. */
record DemoCase(ConclusionDraft conclusion, Receipt receipt, DirectiveDraft directive) {

  record Receipt(String receivedBy, String incomingNumber, LocalDate receivedOn) {}
}
