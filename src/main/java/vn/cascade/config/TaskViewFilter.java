package vn.cascade.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.cascade.common.TaskViews;

/**
 * Adds a task's view ({@link TaskViews}) to what Tasklist loads for its form,
 * {@code GET …/task/{id}/form-variables} on {@code /engine-rest} and on Tasklist's own
 * {@code /camunda/api/engine/…} path, once the engine has answered 200 for this user (so the user
 * may read the task). The view is one {@code Json} value built from Cascade's tables; it is not a
 * variable of the process, and earlier input values are added only where the engine has none.
 */
@Component
class TaskViewFilter extends OncePerRequestFilter {

  private static final Pattern FORM_VARIABLES = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|(?:/[^/]+)*/api/engine/engine/[^/]+)/task/([^/]+)/form-variables$");

  private final ObjectMapper json;
  private final TaskService tasks;
  private final Map<String, TaskViews> byProcess;

  TaskViewFilter(ObjectMapper json, TaskService tasks, List<TaskViews> views) {
    this.json = json;
    this.tasks = tasks;
    this.byProcess = views.stream().collect(java.util.stream.Collectors.toMap(TaskViews::processKey, v -> v));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    if (wrapper.getStatus() == 200) {
      Matcher m = FORM_VARIABLES.matcher(path(request));
      byte[] withView = m.matches() ? withView(m.group(1), body) : null;
      if (withView != null) {
        wrapper.resetBuffer();
        wrapper.getOutputStream().write(withView);
      }
    }
    wrapper.copyBodyToResponse();
  }

  private byte[] withView(String taskId, byte[] body) throws IOException {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return null;
    }
    TaskViews views = byProcess.get(vn.cascade.common.ProcessKeys.of(task.getProcessDefinitionId()));
    JsonNode variables = json.readTree(body);
    if (views == null || !(variables instanceof ObjectNode out)) {
      return null;
    }
    Map<String, Object> values = views.of(task);
    if (values.isEmpty()) {
      return null;
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (TaskViews.VIEW.equals(e.getKey())) {
        ObjectNode view = out.putObject(TaskViews.VIEW);
        view.put("type", "Json");
        view.put("value", json.writeValueAsString(e.getValue()));
        view.putObject("valueInfo");
      } else if (!out.has(e.getKey()) && e.getValue() != null) {
        ObjectNode earlier = out.putObject(e.getKey());
        earlier.put("type", e.getValue() instanceof Boolean ? "Boolean" : "String");
        earlier.putPOJO("value", e.getValue());
        earlier.putObject("valueInfo");
      }
    }
    return json.writeValueAsBytes(out);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
