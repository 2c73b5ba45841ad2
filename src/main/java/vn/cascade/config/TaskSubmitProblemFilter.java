package vn.cascade.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Turns the engine's answers to a refused task submission ({@code POST /engine-rest/task/{id}/submit-form}
 * or {@code /complete}, and the same through Tasklist's {@code /camunda/api/engine/engine/default/task/…}) into what the person at the form can act on, in Vietnamese, as RFC 9457
 * problem details that keep Camunda's {@code message} field (Tasklist shows it):
 * <ul>
 *   <li>the task is gone (submitted already, e.g. a double click, or the assignment was closed): 409;</li>
 *   <li>two submissions of one task at the same moment: the first wins, the other gets 409;</li>
 *   <li>a check of ours refused the input (a listener or delegate threw IllegalArgumentException): 400 with
 *       its message, without the engine's wrapping.</li>
 * </ul>
 * Nothing was stored in any of these cases: the engine rolled the transaction back.
 */
@Component
class TaskSubmitProblemFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskSubmitProblemFilter.class);
  /** The REST API, and the same resource as Tasklist calls it (under the webapp's path, /camunda by default). */
  private static final Pattern SUBMIT = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|(?:/[^/]+)*/api/engine/engine/[^/]+)/task/[^/]+/(submit-form|complete)$");
  private static final Pattern LISTENER_MESSAGE =
      Pattern.compile("Exception while invoking TaskListener: (.*?)'?$", Pattern.DOTALL);
  private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot (?:submit task form|complete task) [^:]+: ");
  private static final int OPTIMISTIC_LOCKING_CODE = 1;

  static final String TASK_ENDED = "Nhiệm vụ này đã kết thúc: báo cáo đã được gửi trước đó hoặc nhiệm vụ đã đóng. "
      + "Lần gửi này không được ghi nhận; vui lòng tải lại danh sách nhiệm vụ.";
  static final String SUBMITTED_TWICE = "Nhiệm vụ này vừa được gửi (có thể do bấm gửi hai lần). Lần gửi này không "
      + "được ghi nhận; lần gửi trước vẫn giữ nguyên. Vui lòng tải lại danh sách nhiệm vụ.";

  private final ObjectMapper json;

  TaskSubmitProblemFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !SUBMIT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    Map<String, Object> problem = wrapper.getStatus() >= 500 ? problemFor(wrapper.getContentAsByteArray()) : null;
    if (problem == null) {
      wrapper.copyBodyToResponse();
      return;
    }
    wrapper.resetBuffer();
    wrapper.setStatus((Integer) problem.get("status"));
    wrapper.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    wrapper.setCharacterEncoding("UTF-8");
    wrapper.getOutputStream().write(json.writeValueAsBytes(problem));
    wrapper.copyBodyToResponse();
  }

  private Map<String, Object> problemFor(byte[] body) {
    JsonNode error;
    try {
      error = json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
    if (error == null || !error.hasNonNull("message")) {
      return null;
    }
    String type = error.path("type").asText("");
    String message = error.get("message").asText();
    int code = error.path("code").asInt(0);
    if (message.contains("Cannot find task with id")) {
      return problem("task-ended", "Nhiệm vụ đã kết thúc", 409, TASK_ENDED);
    }
    if (code == OPTIMISTIC_LOCKING_CODE || type.equals("DuplicateKeyException")
        || type.equals("OptimisticLockingException") || message.contains("ENGINE-03005")) {
      LOG.info("Concurrent submission of one task refused: {}", type);
      return problem("submitted-twice", "Nhiệm vụ vừa được gửi", 409, SUBMITTED_TWICE);
    }
    Matcher listener = LISTENER_MESSAGE.matcher(message);
    if (listener.find()) {
      return problem("input-refused", "Nội dung chưa hợp lệ", 400, listener.group(1).strip());
    }
    if (type.equals("IllegalArgumentException")) {
      return problem("input-refused", "Nội dung chưa hợp lệ", 400, ENGINE_PREFIX.matcher(message).replaceFirst(""));
    }
    return null;
  }

  private static Map<String, Object> problem(String kind, String title, int status, String detail) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "urn:cascade:problem:" + kind);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("message", detail); // what Tasklist shows
    return p;
  }
}
