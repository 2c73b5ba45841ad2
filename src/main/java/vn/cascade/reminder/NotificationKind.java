package vn.cascade.reminder;

/** What a notification is: a reminder before the deadline, an urging after it, an escalation. */
public enum NotificationKind {
  REMINDER("Nhắc hạn"),
  URGING("Đôn đốc"),
  ESCALATION("Báo cáo lãnh đạo"),
  /** The morning digest of one agency: every reminder and urging due for it that day. */
  DIGEST("Nhắc việc"),
  /** The office's morning list of everything overdue. */
  OVERDUE_LIST("Danh sách quá hạn"),
  /** The leadership's morning list of assignments past their last urging. */
  ESCALATION_LIST("Báo cáo lãnh đạo");

  private final String tag;

  NotificationKind(String tag) {
    this.tag = tag;
  }

  /** The tag in the mail's subject, e.g. "[Nhắc hạn]". */
  public String tag() {
    return tag;
  }
}
