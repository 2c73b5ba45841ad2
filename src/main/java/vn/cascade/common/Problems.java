package vn.cascade.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects field problems while a request is checked, then throws them all at once. */
public final class Problems {

  /** The dates a document of Cascade may carry: issue dates and deadlines of this century. */
  public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
  public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

  private final List<FieldProblem> found = new ArrayList<>();

  public Problems add(String field, String message) {
    found.add(new FieldProblem(field, message));
    return this;
  }

  public boolean required(String field, Object value, String label) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      add(field, label + " là bắt buộc.");
      return false;
    }
    return true;
  }

  public void maxLength(String field, String value, int max, String label) {
    if (value != null && value.length() > max) {
      add(field, label + " dài quá " + Texts.thousands(max) + " ký tự.");
    }
  }

  /** A one-line text: at most {@code max} characters, no control character at all. */
  public void text(String field, String value, int max, String label) {
    text(field, value, max, label, false);
  }

  /** A text that may span lines: line breaks and tabs are kept, other control characters refused. */
  public void multiLineText(String field, String value, int max, String label) {
    text(field, value, max, label, true);
  }

  private void text(String field, String value, int max, String label, boolean multiLine) {
    if (value == null) {
      return;
    }
    maxLength(field, value, max, label);
    value.codePoints()
        .filter(c -> Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\n' || c == '\r' || c == '\t')))
        .findFirst()
        .ifPresent(c -> add(field, label + " chứa ký tự điều khiển không được phép (mã " + String.format("U+%04X", c)
            + ")."));
  }

  /** At most {@code max} entries; returns whether the list is within it (and worth checking entry by entry). */
  public boolean maxSize(String field, List<?> list, int max, String label) {
    if (list != null && list.size() > max) {
      add(field, label + " có tối đa " + Texts.thousands(max) + " mục (gửi lên " + Texts.thousands(list.size())
          + ").");
      return false;
    }
    return true;
  }

  /** A date between {@link #FIRST_DATE} and {@link #LAST_DATE}; null is left to {@link #required}. */
  public boolean dateInRange(String field, LocalDate value, String label) {
    if (value != null && (value.isBefore(FIRST_DATE) || value.isAfter(LAST_DATE))) {
      add(field, label + " phải trong khoảng " + VnDates.format(FIRST_DATE) + " đến " + VnDates.format(LAST_DATE)
          + ".");
      return false;
    }
    return true;
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
  }
}
