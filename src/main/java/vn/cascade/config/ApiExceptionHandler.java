package vn.cascade.config;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.cascade.common.ConflictException;
import vn.cascade.common.FieldProblem;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;

/** Answers the application's API errors with RFC 9457 problem details, in Vietnamese. */
@RestControllerAdvice(basePackages = "vn.cascade")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  static final String TYPE_BASE = "urn:cascade:problem:";

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail(e.problems()));
    problem.setType(URI.create(TYPE_BASE + "invalid-input"));
    problem.setTitle("Dữ liệu không hợp lệ");
    problem.setProperty("errors", e.problems());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = fieldOf(e);
    boolean unknown = e.getCause() instanceof UnrecognizedPropertyException;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        field == null ? "Nội dung gửi lên không phải JSON hợp lệ."
            : unknown ? "Trường " + field + " không có trong dữ liệu được nhận."
            : "Giá trị của trường " + field + " không đúng định dạng.");
    problem.setType(URI.create(TYPE_BASE + "malformed-json"));
    problem.setTitle("Dữ liệu không hợp lệ");
    problem.setProperty("errors", List.of(new FieldProblem(field == null ? "$" : field,
        field == null ? "JSON không hợp lệ." : unknown ? "Trường không được hỗ trợ; xin bỏ trường này."
            : expected(e.getCause() instanceof MismatchedInputException m ? m.getTargetType() : null))));
    return problem;
  }

  /** What the field should have held, in words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "Sai định dạng.";
    }
    if (type == LocalDate.class) {
      return "Phải là một ngày viết theo dạng yyyy-MM-dd, ví dụ 2026-12-01.";
    }
    if (type == String.class) {
      return "Phải là một đoạn văn bản (chuỗi trong dấu nháy kép).";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "Phải là một số nguyên.";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "Phải là một danh sách.";
    }
    return "Sai định dạng.";
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create(TYPE_BASE + "not-found"));
    problem.setTitle("Không tìm thấy");
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setType(URI.create(TYPE_BASE + "forbidden"));
    problem.setTitle("Không có quyền");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(URI.create(TYPE_BASE + "conflict"));
    problem.setTitle("Không thể thực hiện lúc này");
    return problem;
  }

  private static String detail(List<FieldProblem> problems) {
    StringBuilder b = new StringBuilder();
    for (FieldProblem p : problems) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(p.field()).append(": ").append(p.message());
    }
    return b.toString();
  }

  private static String fieldOf(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (var ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          if (!b.isEmpty()) {
            b.append('.');
          }
          b.append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          b.append('[').append(ref.getIndex()).append(']');
        }
      }
      return b.isEmpty() ? null : b.toString();
    }
    return null;
  }
}
