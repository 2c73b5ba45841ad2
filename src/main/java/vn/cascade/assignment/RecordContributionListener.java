package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;

/** A coordinating agency sent its contribution: it is stored and shown in the lead's report form. */
@Component
class RecordContributionListener implements TaskListener {

  private final AssignmentRepository assignments;
  private final ContributionRepository contributions;
  private final ContributionPlan plan;
  private final Clock clock;

  RecordContributionListener(AssignmentRepository assignments, ContributionRepository contributions,
      ContributionPlan plan, Clock clock) {
    this.assignments = assignments;
    this.contributions = contributions;
    this.plan = plan;
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
    contributions.save(a.id(), CONTRIBUTOR.from(task), text, Texts.nfc(CONTRIBUTION_CONTACT_PERSON.from(task)),
        Texts.nfc(CONTRIBUTION_CONTACT_PHONE.from(task)), who == null ? null : who.getUserId(), clock.instant());
    task.getExecution().getProcessInstance().setVariable(CONTRIBUTIONS_TEXT.name(), plan.contributionsText(a));
  }
}
