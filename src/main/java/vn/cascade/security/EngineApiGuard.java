package vn.cascade.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cascade.common.BufferedBodyRequest;

/**
 * What a non-administrator may do through the engine's own API, {@code /engine-rest/**} and the same
 * resources as Tasklist, Cockpit and Welcome call them ({@code /camunda/api/engine/engine/{name}/**}).
 * It runs after Camunda has authenticated the request (mapped to the two API servlets, see
 * {@link SecurityConfig}) and before the engine does anything, so a refused call changes nothing:
 * the engine counts a job execution refused by its authorizations as a failed attempt and takes a
 * retry.
 * <ul>
 *   <li>Reading ({@code GET}, {@code HEAD}, {@code OPTIONS}) is left to the engine's authorizations,
 *       except a task's comments and attachments, which are shown only if the task itself is
 *       readable (the engine does not check them).</li>
 *   <li>Any other method reaches the engine only if it is one of {@link #ALLOWED_WRITES}: queries sent
 *       as {@code POST}, what Tasklist does with a task (claim, unclaim, assign, comment, complete,
 *       submit its form, set its follow-up date), a process start (the engine's authorizations
 *       decide) and changing one's own password. A task's candidate groups and its other fields (name,
 *       deadline, owner, priority, links) are Cascade's: who the candidate group is decides whose
 *       contribution a task records. Everything else is refused with 403 problem details: jobs,
 *       job definitions, signals, messages, deployments, users, groups, memberships, tenants,
 *       authorizations, filters, variables, instance modification, migration, deletion and suspension,
 *       external tasks, incidents, batches, history deletion.</li>
 * </ul>
 * Administrators ({@code camunda-admin}) keep the whole API. The request is marked for
 * {@link EngineErrorBodies}, which rewrites the engine's error bodies for everyone else.
 */
class EngineApiGuard extends OncePerRequestFilter {

  /** Request attribute: {@code true} if an administrator made the request. */
  static final String ADMINISTRATOR = EngineApiGuard.class.getName() + ".administrator";

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Pattern ENGINE_PREFIX = Pattern.compile("^/engine/[^/]+");
  private static final Pattern TASK_COMMENTS = Pattern.compile("^/task/([^/]+)/(?:comment|attachment)(?:/.*)?$");
  private static final Pattern OWN_CREDENTIALS = Pattern.compile("^/user/([^/]+)/credentials$");
  private static final Pattern TASK_UPDATE = Pattern.compile("^/task/([^/]+)$");
  private static final String ID = "[^/]+";
  /** The engine REST API's date format ({@code camunda.bpm.rest} default). */
  private static final String ENGINE_DATE = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
  private static final int MAX_TASK_BODY = 64 * 1024;

  /** Method and resource path (after {@code /engine-rest} or {@code /camunda/api/engine/engine/{name}}). */
  private record Rule(String method, Pattern path) {
    static Rule of(String method, String regex) {
      return new Rule(method, Pattern.compile("^" + regex + "$"));
    }
  }

  static final List<Rule> ALLOWED_WRITES = List.of(
      // Queries that only read, sent as POST with the query in the body.
      Rule.of("POST", "/(?:task|process-instance|execution|variable-instance|job|job-definition|external-task"
          + "|case-instance|case-execution|group)(?:/count)?"),
      Rule.of("POST", "/history/(?:process-instance|activity-instance|task|variable-instance|detail|job-log"
          + "|external-task-log|incident|identity-link-log|decision-instance|case-instance|case-activity-instance"
          + "|user-operation)(?:/count)?"),
      Rule.of("POST", "/filter/" + ID + "/(?:list|count|singleResult)"),
      Rule.of("POST", "/identity/password-policy"),
      // What Tasklist does with a task; the engine's task authorizations decide.
      // Not its identity links: who a task's candidate group is decides whose contribution it records.
      // Not delegate and resolve: Tasklist offers neither, and resolve stores variables without a completion.
      Rule.of("POST", "/task/" + ID + "/(?:claim|unclaim|assignee|complete|submit-form|comment/create)"),
      // Updating a task: only its follow-up date may change (checked below).
      Rule.of("PUT", "/task/" + ID),
      // Starting a process: the engine's CREATE_INSTANCE authorizations decide (agencies have none).
      Rule.of("POST", "/process-definition/(?:" + ID + "|key/" + ID + "(?:/tenant-id/" + ID + ")?)"
          + "/(?:start|submit-form)"),
      // One's own password, with the current one (checked below: self only, throttled).
      Rule.of("PUT", "/user/" + ID + "/credentials"));

  private final ProcessEngine engine;
  private final LoginThrottle throttle;
  private final ObjectMapper json;

  EngineApiGuard(ProcessEngine engine, LoginThrottle throttle, ObjectMapper json) {
    this.engine = engine;
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var who = engine.getIdentityService().getCurrentAuthentication(); // set by Camunda's authentication filter
    boolean administrator = who != null && who.getGroupIds() != null
        && who.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    request.setAttribute(ADMINISTRATOR, administrator);
    if (administrator) {
      chain.doFilter(request, response);
      return;
    }
    String method = request.getMethod();
    String path = resourcePath(request);
    if (request.getHeader("X-HTTP-Method-Override") != null) {
      refuse(response, 403, "forbidden", "Không có quyền", FORBIDDEN);
      return;
    }
    Matcher comments = TASK_COMMENTS.matcher(path);
    if (comments.matches() && (who == null || !readable(comments.group(1)))) {
      refuse(response, 404, "not-found", "Không tìm thấy", NOT_FOUND);
      return;
    }
    if (READS.contains(method)) {
      chain.doFilter(request, response);
      return;
    }
    if ((who == null && !path.equals("/identity/password-policy"))
        || ALLOWED_WRITES.stream().noneMatch(r -> r.method().equals(method) && r.path().matcher(path).matches())) {
      refuse(response, 403, "forbidden", "Không có quyền", FORBIDDEN);
      return;
    }
    Matcher credentials = OWN_CREDENTIALS.matcher(path);
    if (credentials.matches()) {
      ownPasswordChange(credentials.group(1), who.getUserId(), request, response, chain);
      return;
    }
    Matcher taskUpdate = TASK_UPDATE.matcher(path);
    if ("PUT".equals(method) && taskUpdate.matches()) {
      followUpOnly(taskUpdate.group(1), request, response, chain);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * {@code PUT /task/{id}} replaces all of a task's own fields with the body's (Tasklist sends the task
   * back whole with a new date). Its name, description, deadline, people, priority and links are
   * Cascade's: only the follow-up date, a person's own reminder, may differ from what the task has.
   */
  private void followUpOnly(String taskId, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    BufferedBodyRequest buffered = BufferedBodyRequest.of(request, MAX_TASK_BODY);
    if (buffered == null) {
      refuse(response, 413, "too-large", "Nội dung quá lớn", "Nội dung gửi vượt quá giới hạn cho phép.");
      return;
    }
    // Under the caller's authentication: a task it may not read is left to the engine to refuse.
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    JsonNode body;
    try {
      body = json.readTree(buffered.body());
    } catch (IOException malformed) {
      body = null; // the engine answers it
    }
    String changed = task == null || body == null || !body.isObject() ? null : changedBeyondFollowUp(task, body);
    if (changed != null) {
      refuse(response, 403, "forbidden", "Không có quyền", "Chỉ được đặt ngày nhắc việc (followUp) của nhiệm vụ; "
          + "trường " + changed + " do Cascade đặt và không được thay đổi.");
      return;
    }
    chain.doFilter(buffered, response);
  }

  /** The first of the task's own fields the body would change, or null if only the follow-up date differs. */
  private static String changedBeyondFollowUp(Task task, JsonNode body) {
    Map<String, String> current = new LinkedHashMap<>();
    current.put("name", task.getName());
    current.put("description", task.getDescription());
    current.put("assignee", task.getAssignee());
    current.put("owner", task.getOwner());
    current.put("delegationState", task.getDelegationState() == null ? null : task.getDelegationState().name());
    current.put("parentTaskId", task.getParentTaskId());
    current.put("caseInstanceId", task.getCaseInstanceId());
    current.put("tenantId", task.getTenantId());
    for (var field : current.entrySet()) {
      JsonNode sent = body.get(field.getKey());
      String value = sent == null || sent.isNull() ? null : sent.asText();
      if (!Objects.equals(value, field.getValue())) {
        return field.getKey();
      }
    }
    JsonNode priority = body.get("priority");
    if ((priority == null || priority.isNull() ? 0 : priority.asInt(Integer.MIN_VALUE)) != task.getPriority()) {
      return "priority";
    }
    JsonNode due = body.get("due");
    Long sentDue = due == null || due.isNull() ? null : epochMillis(due.asText());
    Long currentDue = task.getDueDate() == null ? null : task.getDueDate().getTime();
    return Objects.equals(sentDue, currentDue) ? null : "due";
  }

  /** A date as the engine's REST API writes and reads it; unreadable counts as changed. */
  private static Long epochMillis(String date) {
    try {
      return new SimpleDateFormat(ENGINE_DATE).parse(date).getTime();
    } catch (ParseException e) {
      return Long.MIN_VALUE;
    }
  }

  static final String FORBIDDEN = "Tài khoản của đơn vị không được thực hiện thao tác này trên máy chủ quy trình.";
  static final String NOT_FOUND = "Không tìm thấy nội dung này, hoặc tài khoản không được xem nó.";

  /** Only one's own; the current password is checked by the engine, and guessing it is throttled. */
  private void ownPasswordChange(String user, String self, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!user.equals(self)) {
      refuse(response, 403, "forbidden", "Không có quyền", FORBIDDEN);
      return;
    }
    Duration wait = throttle.remainingWait(self, request.getRemoteAddr());
    if (!wait.isZero()) {
      refuse(response, 429, "login-throttled", "Tạm dừng",
          "Đã nhập sai mật khẩu; vui lòng thử lại sau " + (wait.toSeconds() + 1) + " giây.");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
      throttle.failed(self, request.getRemoteAddr()); // a wrong current password (or a refused new one)
    } else if (response.getStatus() / 100 == 2) {
      throttle.succeeded(self, request.getRemoteAddr());
    }
  }

  /** Under the caller's authentication, so the engine's authorizations decide: an open or an ended task. */
  private boolean readable(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0
        || engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
  }

  /** The resource path as the API servlet maps it (decoded, normalised), without the engine's name. */
  static String resourcePath(HttpServletRequest request) {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    path = ENGINE_PREFIX.matcher(path).replaceFirst("");
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private void refuse(HttpServletResponse response, int status, String kind, String title, String detail)
      throws IOException {
    Map<String, Object> problem = vn.cascade.common.ProblemBodies.of(kind, title, status, detail);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
