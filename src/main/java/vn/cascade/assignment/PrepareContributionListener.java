package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.VnDates;

/** When a coordinating agency's contribution task is created: what it is asked to help with. */
@Component
class PrepareContributionListener implements TaskListener {

  private final AssignmentRepository assignments;
  private final ContributionPlan plan;
  private final AgencyDirectory agencies;

  PrepareContributionListener(AssignmentRepository assignments, ContributionPlan plan, AgencyDirectory agencies) {
    this.assignments = assignments;
    this.plan = plan;
    this.agencies = agencies;
  }

  @Override
  public void notify(DelegateTask task) {
    Assignment a = assignments.ofProcessInstance(task.getProcessInstanceId()).orElseThrow();
    String contributor = CONTRIBUTOR.from(task);
    task.setVariableLocal("leadAgencyName", agencies.get(a.agencyCode()).name());
    task.setVariableLocal("contributorName", agencies.get(contributor).name());
    task.setVariableLocal("contributionDueText", VnDates.format(CONTRIBUTION_DUE_DATE.from(task).toInstant()));
    task.setVariableLocal("contributionBulletsText", plan.bulletsFor(a, contributor));
  }
}
