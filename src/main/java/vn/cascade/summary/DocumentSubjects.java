package vn.cascade.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.directive.DirectiveRepository;

/**
 * The subject of the document a task works on, read from Cascade's tables by the task's process
 * instance: the directive of a {@code directive} process, else the Conclusion of a
 * {@code party-conclusion} process.
 */
@Component
class DocumentSubjects {

  private final DirectiveRepository directives;
  private final ConclusionService conclusions;

  DocumentSubjects(DirectiveRepository directives, ConclusionService conclusions) {
    this.directives = directives;
    this.conclusions = conclusions;
  }

  DocumentSubject of(DelegateTask task) {
    String pi = task.getProcessInstanceId();
    return directives.findByProcessInstance(pi).map(DocumentSubject::of)
        .orElseGet(() -> ConclusionService.reportBackDocument(conclusions.ofProcessInstance(pi).orElseThrow()));
  }
}
