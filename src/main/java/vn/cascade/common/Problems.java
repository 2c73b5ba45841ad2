package vn.cascade.common;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while a request is checked, then throws them all at once. */
public final class Problems {

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
      add(field, label + " dài quá " + max + " ký tự.");
    }
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
