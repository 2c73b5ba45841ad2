package vn.cascade.common;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and type in one place, so that code reads and writes it
 * without casts or repeated string literals.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public T from(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  public T from(java.util.Map<String, ?> variables) {
    return type.cast(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void put(java.util.Map<String, Object> variables, T value) {
    variables.put(name, value);
  }
}
