package vn.cascade.reminder;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a reminder needs to know about what it chases.
 *
 * @param deadline the "trước ngày" day in force
 * @param documentLabel e.g. "Công văn 8888/UBND-THNC"
 * @param action what is owed, e.g. "báo cáo" or "tổng hợp báo cáo"
 * @param taskText what the work is, for the body of the mail
 */
public record ChaseTarget(
    ChaseSubject subject,
    long id,
    String agency,
    LocalDate deadline,
    List<Integer> offsetsDays,
    String documentLabel,
    String action,
    String taskText,
    String processInstanceId,
    String taskDefinitionKey,
    Long directiveId) {

  public String key(NotificationKind kind, int sequence) {
    return subject.name().toLowerCase(java.util.Locale.ROOT) + ":" + id + ":" + kind.name().toLowerCase(java.util.Locale.ROOT)
        + ":" + sequence;
  }
}
