package vn.cascade.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine API's error bodies ({@code {"type":"SomeException","message":"ENGINE-03029 …"}}, or the
 * plain text of its JSON reader) name exception classes, engine codes and internal ids; for anyone but
 * an administrator (as {@link EngineApiGuard} marked the request) they become RFC 9457 problem details
 * in Vietnamese with a generic message, the status kept. Answers that are problem details already
 * (ours, and {@code TaskSubmitProblemFilter}'s, which runs inside this one) pass untouched. The
 * original is logged at DEBUG.
 */
class EngineErrorBodies extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrorBodies.class);

  /** The engine's refusal of a list query without {@code maxResults} ({@code queryMaxResultsLimit}). */
  private static final String UNBOUNDED_QUERY = "An unbound number of results is forbidden";
  private static final String UNBOUNDED_QUERY_DETAIL = "Truy vấn danh sách cần tham số maxResults (tối đa 2000 kết quả "
      + "một lần; dùng firstResult để lấy các trang tiếp theo).";

  private final ObjectMapper json;

  EngineErrorBodies(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    if (wrapper.getStatus() >= 400 && !isProblemDetails(wrapper.getContentType())
        && !Boolean.TRUE.equals(request.getAttribute(EngineApiGuard.ADMINISTRATOR))) {
      String original = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      LOG.debug("Engine error for {} {}: {}", request.getMethod(), request.getRequestURI(), original);
      Map<String, Object> problem = problem(wrapper.getStatus());
      if (wrapper.getStatus() == 400 && original.contains(UNBOUNDED_QUERY)) {
        // The one refusal a program can mend by itself: say how, still without the engine's words.
        problem.put("detail", UNBOUNDED_QUERY_DETAIL);
        problem.put("message", UNBOUNDED_QUERY_DETAIL);
      }
      wrapper.resetBuffer();
      wrapper.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      wrapper.setCharacterEncoding("UTF-8");
      wrapper.getOutputStream().write(json.writeValueAsBytes(problem));
    }
    wrapper.copyBodyToResponse();
  }

  /**
   * Ours, and {@code TaskSubmitProblemFilter}'s. Everything else is the engine's: its JSON, and the
   * plain text of the JSON reader's errors ("Cannot construct instance of `org.camunda…`").
   */
  private static boolean isProblemDetails(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_PROBLEM_JSON.includes(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  static Map<String, Object> problem(int status) {
    String title;
    String detail;
    switch (status) {
      case 400 -> {
        title = "Yêu cầu không hợp lệ";
        detail = "Yêu cầu gửi đến máy chủ quy trình không hợp lệ.";
      }
      case 401 -> {
        title = "Chưa đăng nhập";
        detail = "Cần đăng nhập.";
      }
      case 403 -> {
        title = "Không có quyền";
        detail = EngineApiGuard.FORBIDDEN;
      }
      case 404 -> {
        title = "Không tìm thấy";
        detail = EngineApiGuard.NOT_FOUND;
      }
      case 409 -> {
        title = "Dữ liệu vừa thay đổi";
        detail = "Dữ liệu vừa được thay đổi bởi một thao tác khác; vui lòng tải lại trang.";
      }
      default -> {
        title = "Không thực hiện được";
        detail = "Máy chủ quy trình không thực hiện được yêu cầu này; vui lòng thử lại sau.";
      }
    }
    return vn.cascade.common.ProblemBodies.of("engine-" + status, title, status, detail);
  }
}
