package vn.cascade.directive;

import java.util.Date;
import vn.cascade.common.ProcessVariable;

/** The process {@code directive}: a Công văn's assignments, their collection and the summary. */
public final class DirectiveProcess {

  public static final String KEY = "directive";

  public static final String START_EVENT = "StartEvent_DirectiveIssued";
  public static final String TASK_PREPARE_ASSIGNMENTS = "Task_PrepareAssignments";
  /** The fan-out: a multi-instance subprocess over chunks of assignments, one job per chunk. */
  public static final String SUBPROCESS_FAN_OUT = "SubProcess_FanOut";
  /** Inside {@link #SUBPROCESS_FAN_OUT}: one {@code agency-assignment} instance per assignment of the chunk. */
  public static final String CALL_ACTIVITY_ASSIGNMENTS = "CallActivity_AgencyAssignments";
  public static final String BOUNDARY_DEADLINE_PASSED = "BoundaryEvent_ReportingDeadlinePassed";
  public static final String GATEWAY_COLLECTION_ALREADY_OPEN = "Gateway_CollectionAlreadyOpen";
  public static final String TASK_COLLECT_REPORTS = "Task_CollectReports";
  public static final String TASK_APPROVE_SUMMARY = "Task_ApproveSummary";
  public static final String TASK_NOTIFY_SUMMARY_APPROVED = "Task_NotifySummaryApproved";
  public static final String END_EVENT_SUMMARY_APPROVED = "EndEvent_SummaryApproved";
  public static final String END_EVENT_ALL_REPORTED = "EndEvent_AllAssignmentsReported";

  /** Sent to the Conclusion's process when the summary is approved. */
  public static final String MESSAGE_SUMMARY_APPROVED = "SummaryApproved";

  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  public static final ProcessVariable<Long> DIRECTIVE_ID = ProcessVariable.of("directiveId", Long.class);
  /**
   * The element variable of {@link #CALL_ACTIVITY_ASSIGNMENTS}, local to each of its instances: the
   * assignment whose {@code agency-assignment} instance that instance calls. The called instance reads
   * it from its super execution when it starts; it is not copied into the called instance.
   */
  public static final ProcessVariable<Long> ASSIGNMENT_ID = ProcessVariable.of("assignmentId", Long.class);
  public static final ProcessVariable<String> DIRECTIVE_NUMBER = ProcessVariable.of("directiveNumber", String.class);
  public static final ProcessVariable<Date> REPORT_DEADLINE = ProcessVariable.of("reportDeadline", Date.class);
  public static final ProcessVariable<Date> SUMMARY_DEADLINE = ProcessVariable.of("summaryDeadline", Date.class);
  public static final ProcessVariable<String> COLLECTING_AGENCY = ProcessVariable.of("collectingAgency", String.class);
  public static final ProcessVariable<Boolean> COLLECTION_OPENED = ProcessVariable.of("collectionOpened", Boolean.class);
  public static final ProcessVariable<String> COLLECTED_REPORTS = ProcessVariable.of("collectedReports", String.class);
  public static final ProcessVariable<String> MISSING_AGENCIES = ProcessVariable.of("missingAgencies", String.class);
  public static final ProcessVariable<String> REPORT_PROGRESS_TEXT = ProcessVariable.of("reportProgressText", String.class);
  public static final ProcessVariable<String> SUMMARY_NUMBER = ProcessVariable.of("summaryNumber", String.class);
  public static final ProcessVariable<String> SUMMARY_TEXT = ProcessVariable.of("summaryText", String.class);
  public static final ProcessVariable<String> SUMMARY_DECISION = ProcessVariable.of("summaryDecision", String.class);
  public static final ProcessVariable<String> SUMMARY_COMMENT = ProcessVariable.of("summaryComment", String.class);
  public static final ProcessVariable<String> SUMMARY_RETURN_COMMENT = ProcessVariable.of("summaryReturnComment", String.class);

  private DirectiveProcess() {}
}
