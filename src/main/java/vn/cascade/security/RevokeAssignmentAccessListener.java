package vn.cascade.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** When an assignment's process ends, nobody keeps a grant on it. */
@Component
class RevokeAssignmentAccessListener implements ExecutionListener {

  private final AssignmentAccess access;

  RevokeAssignmentAccessListener(AssignmentAccess access) {
    this.access = access;
  }

  @Override
  public void notify(DelegateExecution execution) {
    access.revoke(execution.getProcessInstanceId());
  }
}
