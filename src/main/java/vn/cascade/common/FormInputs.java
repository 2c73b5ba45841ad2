package vn.cascade.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What a person may send through each task: the keyed input fields of the Camunda Form the task
 * references ({@code camunda:formRef}), with the kind of value each takes. Read-only fields have
 * no key in Cascade's forms; anything else a submission carries is refused.
 */
@Component
public class FormInputs {

  /** The kind of value a form field sends. */
  public enum Kind {
    /** textfield, textarea, radio, select: a string. */
    TEXT,
    /** datetime: a string "yyyy-MM-dd" (or a date). */
    DATE,
    /** number: a number. */
    NUMBER,
    /** checkbox: a boolean. */
    BOOLEAN;

    static Optional<Kind> ofType(String type) {
      return switch (type) {
        case "textfield", "textarea", "radio", "select" -> Optional.of(TEXT);
        case "datetime" -> Optional.of(DATE);
        case "number" -> Optional.of(NUMBER);
        case "checkbox" -> Optional.of(BOOLEAN);
        default -> Optional.empty();
      };
    }

    /** Whether a value of this Java type may be stored for a field of this kind (null always may). */
    public boolean accepts(Object value) {
      return value == null || switch (this) {
        case TEXT -> value instanceof String;
        case DATE -> value instanceof String || value instanceof java.util.Date;
        case NUMBER -> value instanceof Number;
        case BOOLEAN -> value instanceof Boolean;
      };
    }
  }

  /**
   * One keyed input field; {@code required} when the form requires it and always shows it (a field
   * shown only under a condition is checked by its task's listener, which knows the condition).
   */
  public record Input(String key, Kind kind, String label, boolean required) {}

  private final Map<String, Map<String, Input>> byFormId = new HashMap<>();
  private final Map<String, Map<String, Input>> byTaskDefinition = new ConcurrentHashMap<>();
  private final RepositoryService repositoryService;

  FormInputs(ObjectMapper json, RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode schema = json.readTree(in);
          Map<String, Input> inputs = new LinkedHashMap<>();
          collect(schema.path("components"), inputs);
          byFormId.put(schema.path("id").asText(), Collections.unmodifiableMap(inputs));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms", e);
    }
  }

  private static void collect(JsonNode components, Map<String, Input> inputs) {
    for (JsonNode c : components) {
      boolean readOnly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
      if (c.hasNonNull("key") && !readOnly) {
        boolean required = c.path("validate").path("required").asBoolean(false) && c.path("conditional").isMissingNode();
        Kind.ofType(c.path("type").asText()).ifPresent(kind -> inputs.put(c.get("key").asText(),
            new Input(c.get("key").asText(), kind, label(c), required)));
      }
      collect(c.path("components"), inputs);
    }
  }

  private static String label(JsonNode c) {
    for (String field : new String[] {"label", "dateLabel"}) {
      if (c.hasNonNull(field) && !c.get(field).asText().isBlank()) {
        return c.get(field).asText();
      }
    }
    return c.get("key").asText();
  }

  /** The inputs of a form by its id; empty for an unknown form. */
  public Map<String, Input> ofForm(String formId) {
    return byFormId.getOrDefault(formId, Map.of());
  }

  /** The inputs of the form a user task of a deployed process references; empty when it has none. */
  public Map<String, Input> ofTask(String processDefinitionId, String taskDefinitionKey) {
    return byTaskDefinition.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, k -> {
      UserTask task = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
      return task == null ? Map.of() : ofUserTask(task);
    });
  }

  /** The inputs of the form a user task element references. */
  public Map<String, Input> ofUserTask(UserTask task) {
    String formRef = task.getCamundaFormRef();
    return formRef == null ? Map.of() : ofForm(formRef);
  }


}
