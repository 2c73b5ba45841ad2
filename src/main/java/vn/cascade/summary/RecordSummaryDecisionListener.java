package vn.cascade.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.cascade.common.DecisionListener;

/**
 * On completion of the leader's approval of a document ({@code ${recordSummaryDecisionListener}},
 * after the decision listener checked it: the summary's, the report back's): the decision and its
 * comment are kept with the version that was put before the leader — the latest, since no upload
 * is taken once the preparing task has ended. Approving thus records which version was approved.
 */
@Component
class RecordSummaryDecisionListener implements TaskListener {

  private final SummaryDocuments documents;
  private final DocumentSubjects subjects;

  RecordSummaryDecisionListener(SummaryDocuments documents, DocumentSubjects subjects) {
    this.documents = documents;
    this.subjects = subjects;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = DecisionListener.approved(task) ? SummaryDocument.APPROVED : SummaryDocument.RETURNED;
    var who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = who != null && who.getUserId() != null ? who.getUserId() : task.getAssignee();
    documents.recordDecision(subjects.of(task), decision, by, DecisionListener.comment(task));
  }
}
