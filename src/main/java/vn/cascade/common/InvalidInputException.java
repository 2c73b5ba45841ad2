package vn.cascade.common;

import java.util.List;

/** Input that must not change anything: answered with 400 and the fields at fault. */
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "Dữ liệu không hợp lệ" : problems.get(0).field() + ": " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
