package vn.cascade.directive;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When the collection task is created: marks the collection open and shows what arrived. */
@Component
class OpenCollectionListener implements TaskListener {

  private final CollectionService collection;
  private final DirectiveRepository directives;

  OpenCollectionListener(CollectionService collection, DirectiveRepository directives) {
    this.collection = collection;
    this.directives = directives;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = directives.findByProcessInstance(task.getProcessInstanceId()).orElseThrow().id();
    task.getExecution().getProcessInstance().setVariables(collection.open(id));
  }
}
