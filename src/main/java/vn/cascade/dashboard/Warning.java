package vn.cascade.dashboard;

/**
 * A consistency warning: a child deadline that falls after its parent's.
 * {@code ASSIGNMENT_AFTER_SUMMARY}: an agency's report is due after the collecting agency's
 * summary; {@code SUMMARY_AFTER_REPORT_BACK}: the summary is due after the report back to the
 * Party that the Conclusion asks for.
 */
record Warning(String code, String message) {

  static final String ASSIGNMENT_AFTER_SUMMARY = "ASSIGNMENT_AFTER_SUMMARY";
  static final String SUMMARY_AFTER_REPORT_BACK = "SUMMARY_AFTER_REPORT_BACK";
}
