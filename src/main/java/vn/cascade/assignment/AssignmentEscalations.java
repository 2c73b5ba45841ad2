package vn.cascade.assignment;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

/**
 * Tells a running assignment that its agency asked for something (more time, a transfer). The model
 * catches an escalation thrown from the instance's open task in a non-interrupting event subprocess,
 * which the engine finds in the model when it is thrown: an instance that nobody asks anything of
 * stores no event subscription. An instance started on an earlier model waits for a message of the
 * same name instead, and gets it.
 */
@Component
class AssignmentEscalations {

  /** What became of a request. */
  enum Outcome { TOLD, NO_OPEN_TASK, NOT_IN_MODEL }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;

  AssignmentEscalations(RuntimeService runtime, TaskService tasks, RepositoryService repository) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
  }

  /**
   * @param startEventId the event subprocess's start event in the model
   * @param escalationCode the escalation it catches
   * @param messageName the message it waited for on earlier models
   * @param fromTasks the tasks the agency may ask from (at most one of them is open at a time)
   */
  Outcome tell(String processInstanceId, String startEventId, String escalationCode, String messageName,
      String... fromTasks) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (pi == null) {
      return Outcome.NO_OPEN_TASK;
    }
    StartEvent start = repository.getBpmnModelInstance(pi.getProcessDefinitionId()).getModelElementById(startEventId);
    if (start == null) {
      return Outcome.NOT_IN_MODEL;
    }
    if (start.getEventDefinitions().stream().anyMatch(MessageEventDefinition.class::isInstance)) {
      runtime.createMessageCorrelation(messageName).processInstanceId(processInstanceId).correlateWithResult();
      return Outcome.TOLD;
    }
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKeyIn(fromTasks).list();
    if (open.isEmpty()) {
      return Outcome.NO_OPEN_TASK;
    }
    tasks.handleEscalation(open.get(0).getId(), escalationCode);
    return Outcome.TOLD;
  }
}
