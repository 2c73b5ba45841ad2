package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;

/**
 * A coordinating agency sent its contribution: it is stored under the agency the task was given to
 * (its candidate group) and shown in the lead's report form; the typed text stops being a variable.
 */
@Component
class RecordContributionListener implements TaskListener {

  private final AssignmentRepository assignments;
  private final ContributionRepository contributions;
  private final Clock clock;

  RecordContributionListener(AssignmentRepository assignments, ContributionRepository contributions,
      Clock clock) {
    this.assignments = assignments;
    this.contributions = contributions;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Assignment a = assignments.ofProcessInstance(task.getProcessInstanceId()).orElseThrow();
    String text = Texts.nfc(CONTRIBUTION_TEXT.from(task));
    if (Texts.isBlank(text)) {
      throw new IllegalArgumentException("Vui lòng nhập ý kiến, kết quả phối hợp.");
    }
    var who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    contributions.save(a.id(), candidateGroup(task), text, Texts.nfc(CONTRIBUTION_CONTACT_PERSON.from(task)),
        Texts.nfc(CONTRIBUTION_CONTACT_PHONE.from(task)), who == null ? null : who.getUserId(), clock.instant());
    for (String input : java.util.List.of(CONTRIBUTION_TEXT.name(), CONTRIBUTION_CONTACT_PERSON.name(),
        CONTRIBUTION_CONTACT_PHONE.name())) {
      task.removeVariable(input);
    }
  }

  /** The agency the task was given to: its one candidate group, whatever a variable says. */
  static String candidateGroup(DelegateTask task) {
    return candidateGroup(task.getCandidates())
        .orElseThrow(() -> new IllegalStateException("Contribution task " + task.getId() + " has no candidate group"));
  }

  /** The candidate group among a task's identity links. */
  static java.util.Optional<String> candidateGroup(java.util.Collection<org.camunda.bpm.engine.task.IdentityLink> links) {
    return links.stream().map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).findFirst();
  }
}
