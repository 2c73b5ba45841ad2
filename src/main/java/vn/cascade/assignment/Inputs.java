package vn.cascade.assignment;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What a form sent, once recorded in Cascade's tables, stops being a variable of the process. */
final class Inputs {

  private Inputs() {}

  static void consume(VariableScope scope, List<String> keys) {
    for (String key : keys) {
      if (scope.hasVariable(key)) {
        scope.removeVariable(key);
      }
    }
  }
}
