package vn.cascade.assignment;

import vn.cascade.common.ProcessVariable;

/** The process {@code agency-assignment}: one agency's report on one item of a directive. */
public final class AgencyAssignmentProcess {

  public static final String KEY = "agency-assignment";

  public static final String START_EVENT = "StartEvent_AssignmentReceived";
  public static final String TASK_REPORT_RESULTS = "Task_ReportResults";
  public static final String TASK_RECORD_REPORT = "Task_RecordReport";
  public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
  public static final String TASK_ACCEPT_REPORT = "Task_AcceptReport";
  public static final String TASK_RETURN_REPORT = "Task_ReturnReport";
  /** An agency asked for more time (ExtensionRequests): escalated from the open task, the decision task opens. */
  public static final String ESCALATION_EXTENSION_REQUESTED = "extension-requested";
  /** What models before escalations waited for instead. */
  public static final String MESSAGE_EXTENSION_REQUESTED = "ExtensionRequested";
  public static final String EVENT_EXTENSION_REQUESTED = "StartEvent_ExtensionRequested";
  public static final String TASK_DECIDE_EXTENSION = "Task_DecideExtension";
  /** An agency returned the assignment as not within its remit (TransferRequests): escalated, the decision task opens. */
  public static final String ESCALATION_TRANSFER_REQUESTED = "transfer-requested";
  /** What models before escalations waited for instead. */
  public static final String MESSAGE_TRANSFER_REQUESTED = "TransferRequested";
  public static final String EVENT_TRANSFER_REQUESTED = "StartEvent_TransferRequested";
  public static final String TASK_DECIDE_TRANSFER = "Task_DecideTransfer";
  public static final String TASK_APPLY_TRANSFER_DECISION = "Task_ApplyTransferDecision";
  public static final String TASK_CONTRIBUTE = "Task_ContributeToReport";
  /** Thrown when the report is accepted: the interrupting event subprocess ends what is open and delivers. */
  public static final String ESCALATION_REPORT_ACCEPTED = "report-accepted";
  public static final String EVENT_REPORT_ACCEPTED = "StartEvent_ReportAccepted";
  public static final String TASK_DELIVER_REPORT = "Task_DeliverReportToCollector";
  public static final String END_EVENT = "EndEvent_ReportDelivered";

  /** Bullets an item may have: the report form has this many result fields. */
  public static final int MAX_BULLETS = 6;

  // What people type. Nothing else is a variable of this process: what the forms show is the task's
  // view (AssignmentViews), who works on a task and when it is due come from Cascade's tables.
  public static final ProcessVariable<String> OVERALL_RESULT = ProcessVariable.of("overallResult", String.class);
  public static final ProcessVariable<String> DIFFICULTIES = ProcessVariable.of("difficulties", String.class);
  public static final ProcessVariable<String> PROPOSALS = ProcessVariable.of("proposals", String.class);
  public static final ProcessVariable<String> COMPLETION_STATUS = ProcessVariable.of("completionStatus", String.class);
  public static final ProcessVariable<String> CONTACT_PERSON = ProcessVariable.of("contactPerson", String.class);
  public static final ProcessVariable<String> CONTACT_PHONE = ProcessVariable.of("contactPhone", String.class);

  public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.of("reviewDecision", String.class);
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);
  public static final ProcessVariable<String> EXTENSION_DECISION = ProcessVariable.of("extensionDecision", String.class);
  public static final ProcessVariable<String> APPROVED_DEADLINE = ProcessVariable.of("approvedDeadline", String.class);
  public static final ProcessVariable<Boolean> CONFIRM_BEYOND_SUMMARY = ProcessVariable.of("confirmBeyondSummary", Boolean.class);
  public static final ProcessVariable<String> EXTENSION_COMMENT = ProcessVariable.of("extensionComment", String.class);
  public static final ProcessVariable<String> TRANSFER_DECISION = ProcessVariable.of("transferDecision", String.class);
  /** The agency Văn phòng UBND transfers to: a code of the directory, checked when the decision is applied. */
  public static final ProcessVariable<String> TRANSFER_AGENCY = ProcessVariable.of("transferAgency", String.class);
  public static final ProcessVariable<String> TRANSFER_COMMENT = ProcessVariable.of("transferComment", String.class);
  /** The coordinating agency of one contribution task: the multi-instance element, set by the engine. */
  public static final ProcessVariable<String> CONTRIBUTOR = ProcessVariable.of("contributor", String.class);
  public static final ProcessVariable<String> CONTRIBUTION_TEXT = ProcessVariable.of("contributionText", String.class);
  public static final ProcessVariable<String> CONTRIBUTION_CONTACT_PERSON = ProcessVariable.of("contributionContactPerson", String.class);
  public static final ProcessVariable<String> CONTRIBUTION_CONTACT_PHONE = ProcessVariable.of("contributionContactPhone", String.class);

  public static final String REVIEW_ACCEPT = "accept";
  public static final String EXTENSION_APPROVE = "approve";
  public static final String EXTENSION_APPROVE_OTHER = "approve-other";
  public static final String EXTENSION_REFUSE = "refuse";
  /** Values of {@link #TRANSFER_DECISION}; a merger's rows carry {@link #TRANSFER_MERGER}. */
  public static final String TRANSFER_MOVE = "transfer";
  public static final String TRANSFER_KEEP = "keep";
  public static final String TRANSFER_MERGER = "merger";

  /** Values of {@link #COMPLETION_STATUS}. */
  public static final String STATUS_COMPLETED = "completed";
  public static final String STATUS_IN_PROGRESS = "in-progress";

  /** The agency's result for bullet n (1-based). */
  public static ProcessVariable<String> bulletResult(int n) {
    return ProcessVariable.of("bullet" + n + "Result", String.class);
  }

  private AgencyAssignmentProcess() {}
}
