package vn.cascade.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveRepository;

/**
 * On completion of the leader's approval ({@code ${recordSummaryDecisionListener}}, after the
 * decision listener checked it): the decision and its comment are kept with the version of the
 * summary document that was put before the leader — the latest, since no upload is taken once the
 * collection task has ended. Approving thus records which version was approved.
 */
@Component
class RecordSummaryDecisionListener implements TaskListener {

  private final SummaryDocuments documents;
  private final DirectiveRepository directives;

  RecordSummaryDecisionListener(SummaryDocuments documents, DirectiveRepository directives) {
    this.documents = documents;
    this.directives = directives;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = directives.findByProcessInstance(task.getProcessInstanceId()).orElseThrow().id();
    String decision = DirectiveProcess.DECISION_APPROVE.equals(DirectiveProcess.SUMMARY_DECISION.from(task))
        ? SummaryDocument.APPROVED : SummaryDocument.RETURNED;
    Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = who != null && who.getUserId() != null ? who.getUserId() : task.getAssignee();
    documents.recordDecision(id, decision, by, DirectiveProcess.SUMMARY_COMMENT.from(task));
  }
}
