package vn.cascade.reminder;

/** What is being chased: an agency's report, the collector's summary, the report back to the Party. */
public enum ChaseSubject {
  ASSIGNMENT,
  SUMMARY,
  REPORT_BACK,
  /** Not a chase: an outbox row of the morning digest (what it covers is in cascade_digest_item). */
  DIGEST
}
