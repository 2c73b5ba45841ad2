package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;

/**
 * On the creation of each task of an assignment: its name, description, who works on it and when
 * it is due, all read from Cascade's tables by process instance, never from a variable.
 */
@Component
class PrepareAssignmentTaskListener implements TaskListener {

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final Clock clock;
  private final int followUpDaysBefore;
  private final int contributionDaysBefore;

  PrepareAssignmentTaskListener(AssignmentRepository assignments, DirectiveRepository directives,
      AgencyDirectory agencies, Clock clock,
      @Value("${cascade.assignment.follow-up-days-before:3}") int followUpDaysBefore,
      @Value("${cascade.assignment.contribution-days-before:3}") int contributionDaysBefore) {
    this.assignments = assignments;
    this.directives = directives;
    this.agencies = agencies;
    this.clock = clock;
    this.followUpDaysBefore = followUpDaysBefore;
    this.contributionDaysBefore = contributionDaysBefore;
  }

  @Override
  public void notify(DelegateTask task) {
    Assignment a = assignments.ofProcessInstance(task.getProcessInstanceId()).orElseThrow();
    Directive d = directives.find(a.directiveId()).orElseThrow();
    String of = "nhiệm vụ " + a.itemNumber() + ", " + d.number();
    String agencyName = agencies.get(a.agencyCode()).name();
    switch (task.getTaskDefinitionKey()) {
      case TASK_REPORT_RESULTS -> {
        task.setName("Báo cáo kết quả thực hiện nhiệm vụ " + a.itemNumber() + " — " + d.number());
        task.setDescription(agencyName + ": báo cáo kết quả thực hiện nhiệm vụ " + a.itemNumber()
            + " của văn bản số " + d.number() + ", " + VnDates.before(a.deadline()) + ".");
        task.addCandidateGroup(a.agencyCode());
        task.setDueDate(Date.from(a.dueAt()));
        task.setFollowUpDate(Date.from(daysBeforeDue(a, followUpDaysBefore)));
      }
      case TASK_REVIEW_REPORT -> {
        task.setName("Xem xét báo cáo của " + agencyName + " — " + of);
        task.addCandidateGroup(d.body().reviewingAgencyOrDefault());
      }
      case TASK_DECIDE_EXTENSION -> task.setName("Quyết định gia hạn cho " + agencyName + " — " + of);
      case TASK_DECIDE_TRANSFER -> task.setName("Quyết định chuyển giao: " + agencyName
          + " báo không đúng thẩm quyền — " + of);
      case TASK_CONTRIBUTE -> {
        task.setName("Phối hợp: gửi ý kiến cho " + agencyName + " — " + of);
        task.setDueDate(Date.from(daysBeforeDue(a, contributionDaysBefore)));
      }
      default -> throw new IllegalStateException("No preparation for task " + task.getTaskDefinitionKey());
    }
  }

  /** N days before the deadline, or the deadline itself when that day has passed. */
  private Instant daysBeforeDue(Assignment a, int days) {
    Instant at = a.dueAt().minus(days, ChronoUnit.DAYS);
    return at.isAfter(clock.instant()) ? at : a.dueAt();
  }
}
