package vn.cascade.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.cascade.common.FormInputs;
import vn.cascade.common.FormInputs.Input;
import vn.cascade.common.FormInputs.Kind;

/**
 * The check of a task submission's body ({@code {"variables": {"key": {"value": …, "type": …}}}})
 * against the task's form, before the engine runs: every key must be an input field of that form
 * and carry a value of the field's kind, with no conversion (a number is not a text, a fraction is
 * not a whole number, a number is not a date); every field the form requires, and always shows, must
 * carry a value that is not blank, as Tasklist itself checks before it sends. Anything else is refused
 * naming each key.
 */
@Component
class SubmittedInputs {

  private static final Map<Kind, Set<String>> TYPES = Map.of(
      Kind.TEXT, Set.of("string"),
      Kind.DATE, Set.of("string", "date"),
      Kind.NUMBER, Set.of("integer", "long", "short", "double"),
      Kind.BOOLEAN, Set.of("boolean"));

  private final ObjectMapper json;
  private final TaskService tasks;
  private final FormInputs forms;

  SubmittedInputs(ObjectMapper json, TaskService tasks, FormInputs forms) {
    this.json = json;
    this.tasks = tasks;
    this.forms = forms;
  }

  /** @return a 400 problem naming what is refused, or null when the submission may reach the engine */
  Map<String, Object> refusal(String taskId, byte[] body) {
    if (taskId == null) {
      return null;
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return null; // not there, or not this user's to see: the engine answers as it does
    }
    JsonNode root;
    try {
      root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      return refused(List.of(field(null, "Nội dung gửi không phải JSON hợp lệ.")));
    }
    JsonNode variables = root == null ? null : root.get("variables");
    if (variables == null || variables.isNull()) {
      variables = json.createObjectNode();
    }
    if (!variables.isObject()) {
      return refused(List.of(field("variables", "«variables» phải là một đối tượng JSON.")));
    }
    Map<String, Input> inputs = forms.ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    List<Map<String, String>> problems = new ArrayList<>();
    for (Input input : inputs.values()) {
      JsonNode value = variables.path(input.key()).path("value");
      if (input.required() && (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank())) {
        problems.add(field(input.key(), "«" + input.label() + "» là thông tin bắt buộc."));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Input input = inputs.get(e.getKey());
      if (input == null) {
        problems.add(field(e.getKey(), "Biểu mẫu của nhiệm vụ này không có trường «" + e.getKey()
            + "»: chỉ các ô nhập của biểu mẫu được gửi."));
      } else if (!fits(input.kind(), e.getValue())) {
        problems.add(field(e.getKey(), "«" + input.label() + "» không đúng kiểu dữ liệu (cần "
            + kindName(input.kind()) + ")."));
      }
    }
    return problems.isEmpty() ? null : refused(problems);
  }

  private static boolean fits(Kind kind, JsonNode variable) {
    if (variable == null || !variable.isObject()) {
      return false;
    }
    JsonNode value = variable.get("value");
    String type = variable.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
    if (value == null || value.isNull()) {
      return type.isEmpty() || type.equals("null") || TYPES.get(kind).contains(type);
    }
    if (!type.isEmpty() && !TYPES.get(kind).contains(type)) {
      return false;
    }
    return switch (kind) {
      case TEXT, DATE -> value.isTextual();
      case NUMBER -> type.equals("double") ? value.isNumber() : value.isIntegralNumber() || (type.isEmpty() && value.isNumber());
      case BOOLEAN -> value.isBoolean();
    };
  }

  private static String kindName(Kind kind) {
    return switch (kind) {
      case TEXT -> "văn bản";
      case DATE -> "ngày";
      case NUMBER -> "số";
      case BOOLEAN -> "có/không";
    };
  }

  private static Map<String, String> field(String name, String message) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("field", name);
    f.put("message", message);
    return f;
  }

  private static Map<String, Object> refused(List<Map<String, String>> problems) {
    String detail = String.join(" ", problems.stream().map(p -> p.get("message")).toList())
        + " Chưa có gì được ghi nhận.";
    Map<String, Object> p = TaskSubmitProblemFilter.problem("input-refused", "Nội dung chưa hợp lệ", 400, detail);
    p.put("fields", problems);
    return p;
  }
}
