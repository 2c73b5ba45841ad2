package vn.cascade.reminder;

import java.time.Instant;
import java.util.List;
import vn.cascade.assignment.Assignment;
import vn.cascade.common.VnDates;

/** Outbox rows for tests that read what was sent (dashboards, workspace) without running a morning. */
public final class OutboxFixtures {

  private OutboxFixtures() {}

  /**
   * A morning digest to the assignment's agency that covered one reminder or urging of it, marked sent at
   * {@code at}. The key is {@code prefix:assignmentId:kind}, so one per assignment and kind.
   */
  public static void sentDigest(NotificationOutbox outbox, String prefix, Assignment a, NotificationKind kind,
      Instant at) {
    Mail mail = new Mail(List.of(a.agencyCode() + "@dongnai.example"), List.of(),
        "[" + kind.tag() + "] " + prefix, "Nội dung", "<p>Nội dung</p>");
    String key = prefix + ":" + a.id() + ":" + kind.name();
    long id = outbox.insertDigest(key, NotificationKind.DIGEST, a.agencyCode(), at.atZone(VnDates.ZONE).toLocalDate(),
        mail, at, at, null, List.of(new NotificationOutbox.DigestItem(ChaseSubject.ASSIGNMENT, a.id(), kind, 1,
            a.deadline(), 0, kind == NotificationKind.URGING ? 1 : 0)));
    outbox.markSent(id, at);
  }
}
