package vn.cascade.conclusion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.directive.DirectiveService;

/** The leader approved: the draft becomes the issued directive the call activity runs. */
@Component
class IssueDirectiveDelegate implements JavaDelegate {

  private final DirectiveService directives;
  private final ConclusionRepository conclusions;

  IssueDirectiveDelegate(DirectiveService directives, ConclusionRepository conclusions) {
    this.directives = directives;
    this.conclusions = conclusions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long conclusionId = conclusions.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    var draft = directives.draftOfConclusion(conclusionId).orElseThrow();
    directives.markIssued(draft.id());
    // What the call activity passes on comes from the database, not from anything a form submitted.
    PartyConclusionProcess.DIRECTIVE_ID.set(execution, draft.id());
    PartyConclusionProcess.DIRECTIVE_NUMBER.set(execution, draft.number());
  }
}
