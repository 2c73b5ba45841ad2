package vn.cascade.conclusion;

import java.util.Date;
import vn.cascade.common.ProcessVariable;

/**
 * The process {@code party-conclusion}: a Kết luận received, implemented by a directive, and
 * reported back to Ban Thường vụ Tỉnh ủy.
 */
public final class PartyConclusionProcess {

  public static final String KEY = "party-conclusion";

  public static final String START_EVENT = "StartEvent_ConclusionRegistered";
  public static final String TASK_RECORD_RECEIPT = "Task_RecordReceipt";
  public static final String TASK_SAVE_RECEIPT = "Task_SaveReceipt";
  public static final String TASK_DRAFT_DIRECTIVE = "Task_DraftDirective";
  public static final String TASK_SAVE_DRAFT = "Task_SaveDraft";
  public static final String TASK_APPROVE_DIRECTIVE = "Task_ApproveDirective";
  public static final String TASK_ISSUE_DIRECTIVE = "Task_IssueDirective";
  public static final String CALL_ACTIVITY_DIRECTIVE = "CallActivity_RunDirective";
  public static final String BOUNDARY_SUMMARY_APPROVED = "BoundaryEvent_SummaryApproved";
  public static final String TASK_PREPARE_REPORT_BACK = "Task_PrepareReportBack";
  public static final String TASK_APPROVE_REPORT_BACK = "Task_ApproveReportBack";
  public static final String TASK_RECORD_REPORT_BACK = "Task_RecordReportBack";
  /** The candidate group of Task_PrepareReportBack: Văn phòng UBND. */
  public static final String REPORT_BACK_GROUP = "vp-ubnd";
  public static final String END_EVENT_REPORTED_TO_PARTY = "EndEvent_ReportedToParty";
  public static final String END_EVENT_DIRECTIVE_CLOSED = "EndEvent_DirectiveClosed";

  public static final ProcessVariable<Long> CONCLUSION_ID = ProcessVariable.of("conclusionId", Long.class);
  public static final ProcessVariable<String> CONCLUSION_NUMBER = ProcessVariable.of("conclusionNumber", String.class);
  public static final ProcessVariable<Date> REPORT_BACK_DEADLINE = ProcessVariable.of("reportBackDeadline", Date.class);

  public static final ProcessVariable<String> INCOMING_NUMBER = ProcessVariable.of("incomingNumber", String.class);
  /** A date field of the form: "yyyy-MM-dd". */
  public static final ProcessVariable<String> INCOMING_DATE = ProcessVariable.of("incomingDate", String.class);

  public static final ProcessVariable<Long> DIRECTIVE_ID = ProcessVariable.of("directiveId", Long.class);
  public static final ProcessVariable<String> DIRECTIVE_NUMBER = ProcessVariable.of("directiveNumber", String.class);
  public static final ProcessVariable<String> DIRECTIVE_TITLE = ProcessVariable.of("directiveTitle", String.class);
  /** Date fields of the draft form: "yyyy-MM-dd". */
  public static final ProcessVariable<String> DIRECTIVE_DATE = ProcessVariable.of("directiveDate", String.class);
  public static final ProcessVariable<String> REPORT_DEADLINE = ProcessVariable.of("reportDeadline", String.class);
  public static final ProcessVariable<String> SUMMARY_DEADLINE = ProcessVariable.of("summaryDeadline", String.class);
  public static final ProcessVariable<String> DIRECTIVE_DECISION = ProcessVariable.of("directiveDecision", String.class);
  public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.of("approvalComment", String.class);

  public static final ProcessVariable<String> SUMMARY_NUMBER = ProcessVariable.of("summaryNumber", String.class);
  public static final ProcessVariable<String> SUMMARY_TEXT = ProcessVariable.of("summaryText", String.class);
  public static final ProcessVariable<String> REPORT_BACK_NUMBER = ProcessVariable.of("reportBackNumber", String.class);
  public static final ProcessVariable<String> REPORT_BACK_TEXT = ProcessVariable.of("reportBackText", String.class);
  public static final ProcessVariable<String> REPORT_BACK_DECISION = ProcessVariable.of("reportBackDecision", String.class);
  public static final ProcessVariable<String> REPORT_BACK_COMMENT = ProcessVariable.of("reportBackComment", String.class);

  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  private PartyConclusionProcess() {}
}
