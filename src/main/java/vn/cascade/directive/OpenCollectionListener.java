package vn.cascade.directive;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When the collection task is created: marks the collection open and shows what arrived. */
@Component
class OpenCollectionListener implements TaskListener {

  private final CollectionService collection;

  OpenCollectionListener(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = DirectiveProcess.DIRECTIVE_ID.from(task);
    task.getExecution().getProcessInstance().setVariables(collection.open(id));
  }
}
