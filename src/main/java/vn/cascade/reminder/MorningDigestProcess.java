package vn.cascade.reminder;

import vn.cascade.common.ProcessVariable;

/** The morning run ({@code bpmn/morning-digest.bpmn}): its key, element ids and variables. */
public final class MorningDigestProcess {

  public static final String KEY = "morning-digest";
  public static final String START_EVENT = "StartEvent_MorningDigest";
  public static final String TASK_COLLECT_DIGESTS = "Task_CollectDigests";
  public static final String TASK_SEND_DIGEST = "Task_SendDigest";

  /** The ids of the outbox rows this run wrote, comma-separated. */
  public static final ProcessVariable<String> DIGEST_IDS = ProcessVariable.of("digestIds", String.class);
  /** One send step's outbox row. */
  public static final ProcessVariable<Long> DIGEST_ID = ProcessVariable.of("digestId", Long.class);

  private MorningDigestProcess() {}
}
