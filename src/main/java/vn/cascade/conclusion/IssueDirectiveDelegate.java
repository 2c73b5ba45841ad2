package vn.cascade.conclusion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.directive.DirectiveService;

/** The leader approved: the draft becomes the issued directive the call activity runs. */
@Component
class IssueDirectiveDelegate implements JavaDelegate {

  private final DirectiveService directives;

  IssueDirectiveDelegate(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void execute(DelegateExecution execution) {
    directives.markIssued(PartyConclusionProcess.DIRECTIVE_ID.from(execution));
  }
}
