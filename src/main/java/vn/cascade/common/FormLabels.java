package vn.cascade.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The label each form field carries in the Camunda Forms under {@code forms/}, by variable name. */
@Component
public class FormLabels {

  private final Map<String, String> labels = new HashMap<>();

  FormLabels(ObjectMapper json) {
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms", e);
    }
  }

  private void collect(JsonNode node) {
    if (node.isObject()) {
      if (node.hasNonNull("key") && node.hasNonNull("label")) {
        labels.putIfAbsent(node.get("key").asText(), node.get("label").asText());
      }
      node.elements().forEachRemaining(this::collect);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(this::collect);
    }
  }

  /** The field's label, or its variable name when no form has it. */
  public String of(String variable) {
    return labels.getOrDefault(variable, variable);
  }
}
