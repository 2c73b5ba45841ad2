package vn.cascade.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.cascade.common.BufferedBodyRequest;
import vn.cascade.common.ProblemBodies;

/**
 * Checks a task submission's variables against the task's form before the engine runs
 * ({@link SubmittedInputs}: only the form's input keys, each of its kind, else 400 naming them), and turns the engine's answers to a refused task submission ({@code POST /engine-rest/task/{id}/submit-form}
 * or {@code /complete}, and the same through Tasklist's {@code /camunda/api/engine/engine/default/task/…}) into what the person at the form can act on, in Vietnamese, as RFC 9457
 * problem details that keep Camunda's {@code message} field (Tasklist shows it):
 * <ul>
 *   <li>the task had ended before the submission arrived (submitted already, or the assignment was closed): 409;</li>
 *   <li>two submissions of one task at the same moment: the first wins, the other gets 409, whatever the
 *       engine's error was;</li>
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
      "^(?:/engine-rest(?:/engine/[^/]+)?|(?:/[^/]+)*/api/engine/engine/[^/]+)/task/([^/]+)/(?:submit-form|complete)$");
  private static final Pattern LISTENER_MESSAGE =
      Pattern.compile("Exception while invoking TaskListener: (.*?)'?$", Pattern.DOTALL);
  private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot (?:submit task form|complete task) [^:]+: ");

  static final String TASK_ENDED = "Nhiệm vụ này đã kết thúc: báo cáo đã được gửi trước đó hoặc nhiệm vụ đã đóng. "
      + "Lần gửi này không được ghi nhận; vui lòng tải lại danh sách nhiệm vụ.";
  static final String SUBMITTED_TWICE = "Nhiệm vụ này vừa được gửi (có thể do bấm gửi hai lần). Lần gửi này không "
      + "được ghi nhận; lần gửi trước vẫn giữ nguyên. Vui lòng tải lại danh sách nhiệm vụ.";

  /** A submission larger than this is not a person's form. */
  private static final int MAX_BODY = 2 * 1024 * 1024;

  private final ObjectMapper json;
  private final TaskService tasks;
  private final HistoryService history;
  private final SubmittedInputs inputs;

  TaskSubmitProblemFilter(ObjectMapper json, TaskService tasks, HistoryService history, SubmittedInputs inputs) {
    this.json = json;
    this.tasks = tasks;
    this.history = history;
    this.inputs = inputs;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !SUBMIT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Instant received = Instant.now(); // the engine stamps task ends with the system time
    BufferedBodyRequest cached = BufferedBodyRequest.of(request, MAX_BODY);
    if (cached == null) {
      write(response, problem("too-large", "Nội dung quá lớn", 413, "Nội dung gửi vượt quá giới hạn cho phép."));
      return;
    }
    request = cached;
    Map<String, Object> refused = inputs.refusal(taskId(request), cached.body());
    if (refused != null) {
      write(response, refused);
      return;
    }
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    int status = wrapper.getStatus();
    // A click that meets the other one's completion may also be told "not allowed" (403) or "no such
    // task" (404) by the engine: the task's state decides, as for the errors.
    Map<String, Object> problem = status >= 500
        ? problemFor(taskId(request), received, wrapper.getContentAsByteArray())
        : status == 403 || status == 404 ? ended(taskId(request), received) : null;
    if (problem == null) {
      wrapper.copyBodyToResponse();
      return;
    }
    wrapper.resetBuffer();
    write(wrapper, problem);
    wrapper.copyBodyToResponse();
  }

  private void write(HttpServletResponse response, Map<String, Object> problem) throws IOException {
    response.setStatus((Integer) problem.get("status"));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  private static String taskId(HttpServletRequest request) {
    Matcher m = SUBMIT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    return m.matches() ? m.group(1) : null;
  }

  /**
   * Decided by the task's state, not by the engine's wording: a task that is gone was completed by
   * an earlier submission (ended before this one arrived) or by one running at the same moment
   * (whatever error the loser met: an optimistic-locking conflict, a duplicate key, a process state
   * read half-way through the winner's commit). Only a task still open leaves the input as the cause.
   */
  private Map<String, Object> problemFor(String taskId, Instant received, byte[] body) {
    Map<String, Object> ended = ended(taskId, received);
    if (ended != null) {
      return ended;
    }
    JsonNode error;
    try {
      error = json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
    if (error == null || !error.hasNonNull("message")) {
      return null;
    }
    String message = error.get("message").asText();
    Matcher listener = LISTENER_MESSAGE.matcher(message);
    if (listener.find()) {
      return problem("input-refused", "Nội dung chưa hợp lệ", 400, listener.group(1).strip());
    }
    if (error.path("type").asText("").equals("IllegalArgumentException")) {
      return problem("input-refused", "Nội dung chưa hợp lệ", 400, ENGINE_PREFIX.matcher(message).replaceFirst(""));
    }
    return null;
  }

  /** 409 when the task is gone: completed by a click at the same moment, or ended before; else null. */
  private Map<String, Object> ended(String taskId, Instant received) {
    if (taskId == null || tasks.createTaskQuery().taskId(taskId).count() > 0) {
      return null;
    }
    HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (ended != null && ended.getEndTime() != null && !ended.getEndTime().toInstant().isBefore(received)) {
      LOG.info("Concurrent submission of task {} refused: the other one completed it", taskId);
      return problem("submitted-twice", "Nhiệm vụ vừa được gửi", 409, SUBMITTED_TWICE);
    }
    return problem("task-ended", "Nhiệm vụ đã kết thúc", 409, TASK_ENDED);
  }

  static Map<String, Object> problem(String kind, String title, int status, String detail) {
    return ProblemBodies.of(kind, title, status, detail);
  }
}
