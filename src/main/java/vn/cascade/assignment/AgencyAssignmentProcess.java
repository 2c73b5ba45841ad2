package vn.cascade.assignment;

import java.util.Date;
import vn.cascade.common.ProcessVariable;

/** The process {@code agency-assignment}: one agency's report on one item of a directive. */
public final class AgencyAssignmentProcess {

  public static final String KEY = "agency-assignment";

  public static final String START_EVENT = "StartEvent_AssignmentReceived";
  public static final String TASK_LOAD_ASSIGNMENT = "Task_LoadAssignment";
  public static final String TASK_REPORT_RESULTS = "Task_ReportResults";
  public static final String TASK_RECORD_REPORT = "Task_RecordReport";
  public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
  public static final String TASK_ACCEPT_REPORT = "Task_AcceptReport";
  public static final String TASK_RETURN_REPORT = "Task_ReturnReport";
  public static final String TASK_REQUEST_EXTENSION = "Task_RequestExtension";
  public static final String TASK_DECIDE_EXTENSION = "Task_DecideExtension";
  public static final String TASK_CONTRIBUTE = "Task_ContributeToReport";
  public static final String TASK_DELIVER_REPORT = "Task_DeliverReportToCollector";
  public static final String END_EVENT = "EndEvent_ReportDelivered";

  /** Bullets an item may have: the report form has this many result fields. */
  public static final int MAX_BULLETS = 6;

  public static final ProcessVariable<Long> ASSIGNMENT_ID = ProcessVariable.of("assignmentId", Long.class);
  public static final ProcessVariable<String> AGENCY = ProcessVariable.of("agency", String.class);
  public static final ProcessVariable<String> AGENCY_NAME = ProcessVariable.of("agencyName", String.class);
  public static final ProcessVariable<String> DIRECTIVE_NUMBER = ProcessVariable.of("directiveNumber", String.class);
  public static final ProcessVariable<String> DIRECTIVE_TITLE = ProcessVariable.of("directiveTitle", String.class);
  public static final ProcessVariable<Integer> ITEM_NUMBER = ProcessVariable.of("itemNumber", Integer.class);
  public static final ProcessVariable<String> ASSIGNMENT_TEXT = ProcessVariable.of("assignmentText", String.class);
  public static final ProcessVariable<String> COORDINATING_TEXT = ProcessVariable.of("coordinatingText", String.class);
  public static final ProcessVariable<Date> DUE_DATE = ProcessVariable.of("dueDate", Date.class);
  public static final ProcessVariable<String> DUE_DATE_TEXT = ProcessVariable.of("dueDateText", String.class);
  public static final ProcessVariable<Date> FOLLOW_UP_DATE = ProcessVariable.of("followUpDate", Date.class);

  public static final ProcessVariable<String> OVERALL_RESULT = ProcessVariable.of("overallResult", String.class);
  public static final ProcessVariable<String> DIFFICULTIES = ProcessVariable.of("difficulties", String.class);
  public static final ProcessVariable<String> PROPOSALS = ProcessVariable.of("proposals", String.class);
  public static final ProcessVariable<String> COMPLETION_STATUS = ProcessVariable.of("completionStatus", String.class);
  public static final ProcessVariable<String> CONTACT_PERSON = ProcessVariable.of("contactPerson", String.class);
  public static final ProcessVariable<String> CONTACT_PHONE = ProcessVariable.of("contactPhone", String.class);

  public static final ProcessVariable<String> REVIEWING_AGENCY = ProcessVariable.of("reviewingAgency", String.class);
  public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.of("reviewDecision", String.class);
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);
  public static final ProcessVariable<String> RETURN_REASON = ProcessVariable.of("returnReason", String.class);
  public static final ProcessVariable<String> SUMMARY_DEADLINE_TEXT = ProcessVariable.of("summaryDeadlineText", String.class);
  /** The extension request: a form date "yyyy-MM-dd" and a reason. */
  public static final ProcessVariable<String> REQUESTED_DEADLINE = ProcessVariable.of("requestedDeadline", String.class);
  public static final ProcessVariable<String> REQUESTED_DEADLINE_TEXT = ProcessVariable.of("requestedDeadlineText", String.class);
  public static final ProcessVariable<String> EXTENSION_REASON = ProcessVariable.of("extensionReason", String.class);
  public static final ProcessVariable<String> EXTENSION_DECISION = ProcessVariable.of("extensionDecision", String.class);
  public static final ProcessVariable<String> APPROVED_DEADLINE = ProcessVariable.of("approvedDeadline", String.class);
  public static final ProcessVariable<Boolean> CONFIRM_BEYOND_SUMMARY = ProcessVariable.of("confirmBeyondSummary", Boolean.class);
  public static final ProcessVariable<String> EXTENSION_COMMENT = ProcessVariable.of("extensionComment", String.class);
  public static final ProcessVariable<String> EXTENSION_DECISION_TEXT = ProcessVariable.of("extensionDecisionText", String.class);
  public static final ProcessVariable<Date> CONTRIBUTION_DUE_DATE = ProcessVariable.of("contributionDueDate", Date.class);
  public static final ProcessVariable<String> CONTRIBUTIONS_TEXT = ProcessVariable.of("contributionsText", String.class);
  /** The coordinating agency of one contribution task (the multi-instance element). */
  public static final ProcessVariable<String> CONTRIBUTOR = ProcessVariable.of("contributor", String.class);
  public static final ProcessVariable<String> CONTRIBUTION_TEXT = ProcessVariable.of("contributionText", String.class);
  public static final ProcessVariable<String> CONTRIBUTION_CONTACT_PERSON = ProcessVariable.of("contributionContactPerson", String.class);
  public static final ProcessVariable<String> CONTRIBUTION_CONTACT_PHONE = ProcessVariable.of("contributionContactPhone", String.class);

  public static final String REVIEW_ACCEPT = "accept";
  public static final String EXTENSION_APPROVE = "approve";
  public static final String EXTENSION_APPROVE_OTHER = "approve-other";
  public static final String EXTENSION_REFUSE = "refuse";

  /** Values of {@link #COMPLETION_STATUS}. */
  public static final String STATUS_COMPLETED = "completed";
  public static final String STATUS_IN_PROGRESS = "in-progress";

  /** The text of bullet n (1-based) of the item, read-only in the form. */
  public static ProcessVariable<String> bullet(int n) {
    return ProcessVariable.of("bullet" + n, String.class);
  }

  /** The agency's result for bullet n (1-based). */
  public static ProcessVariable<String> bulletResult(int n) {
    return ProcessVariable.of("bullet" + n + "Result", String.class);
  }

  private AgencyAssignmentProcess() {}
}
