package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.AssignmentAccess;

/** Puts on the process what the agency's report form shows: the item, its bullets, the deadline. */
@Component
class LoadAssignmentDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final int followUpDaysBefore;
  private final Clock clock;
  private final AssignmentAccess access;
  private final int contributionDaysBefore;
  private final ContributionPlan contributionPlan;

  LoadAssignmentDelegate(AssignmentRepository assignments, DirectiveRepository directives, AgencyDirectory agencies,
      @Value("${cascade.assignment.follow-up-days-before:3}") int followUpDaysBefore, Clock clock,
      AssignmentAccess access, @Value("${cascade.assignment.contribution-days-before:3}") int contributionDaysBefore,
      ContributionPlan contributionPlan) {
    this.contributionPlan = contributionPlan;
    this.contributionDaysBefore = contributionDaysBefore;
    this.clock = clock;
    this.access = access;
    this.assignments = assignments;
    this.directives = directives;
    this.agencies = agencies;
    this.followUpDaysBefore = followUpDaysBefore;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Linked first, then read by process instance: the chase and the contributions read the same row
    // again in this transaction and get it from the transaction's cache.
    assignments.setProcessInstance(ASSIGNMENT_ID.from(execution), execution.getProcessInstanceId());
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    Directive d = directives.find(a.directiveId()).orElseThrow();
    DirectiveDraft.Item item = d.body().items().stream()
        .filter(i -> i.number() == a.itemNumber()).findFirst().orElseThrow();
    access.grant(execution.getProcessInstanceId(), a.agencyCode(), d.collectingAgency(),
        d.body().reviewingAgencyOrDefault());

    // Only what has a value becomes a variable: every variable is a row written three times (runtime,
    // history, detail), and the forms treat a missing variable as empty. The texts filled in later
    // (a return's reason, an extension decision, the attachments, the contributions) appear when set.
    AGENCY.set(execution, a.agencyCode());
    AGENCY_NAME.set(execution, agencies.get(a.agencyCode()).name());
    DIRECTIVE_NUMBER.set(execution, d.number());
    DIRECTIVE_TITLE.set(execution, d.title());
    ITEM_NUMBER.set(execution, a.itemNumber());
    ASSIGNMENT_TEXT.set(execution, assignmentText(d, item));
    String coordinating = coordinatingText(item.bullets());
    if (coordinating != null) {
      COORDINATING_TEXT.set(execution, coordinating);
    }
    List<DirectiveDraft.Bullet> bullets = item.bullets();
    for (int n = 1; n <= Math.min(bullets.size(), MAX_BULLETS); n++) {
      bullet(n).set(execution, bullets.get(n - 1).text());
    }
    Instant due = a.dueAt();
    DUE_DATE.set(execution, Date.from(due));
    DUE_DATE_TEXT.set(execution, VnDates.before(a.deadline()));
    Instant followUp = due.minus(followUpDaysBefore, ChronoUnit.DAYS);
    FOLLOW_UP_DATE.set(execution, Date.from(followUp.isAfter(clock.instant()) ? followUp : due));
    REVIEWING_AGENCY.set(execution, d.body().reviewingAgencyOrDefault());
    SUMMARY_DEADLINE_TEXT.set(execution, VnDates.before(d.summaryDeadline()));
    Instant contributionDue = due.minus(contributionDaysBefore, ChronoUnit.DAYS);
    CONTRIBUTION_DUE_DATE.set(execution, Date.from(contributionDue.isAfter(clock.instant()) ? contributionDue : due));
    // Who is expected to contribute, shown in the lead's form until they have.
    if (!ContributionPlan.agenciesOf(a, item).isEmpty()) {
      CONTRIBUTIONS_TEXT.set(execution, contributionPlan.contributionsText(a));
    }
    execution.setVariable("attachmentUrl", "/assignments/" + a.id() + "/attachments");
  }

  private static String assignmentText(Directive d, DirectiveDraft.Item item) {
    StringBuilder b = new StringBuilder();
    b.append(item.number()).append(". ").append(item.heading() == null ? "" : item.heading());
    if (!item.conclusionItems().isEmpty() && d.body().conclusionNumber() != null) {
      b.append("\n(Thực hiện mục ")
          .append(item.conclusionItems().stream().map(String::valueOf).collect(Collectors.joining(", ")))
          .append(" của Kết luận số ").append(d.body().conclusionNumber()).append(')');
    }
    if (d.body().reportInstruction() != null) {
      b.append("\n\n").append(d.body().reportInstruction());
    }
    return b.toString();
  }

  private String coordinatingText(List<DirectiveDraft.Bullet> bullets) {
    StringBuilder b = new StringBuilder();
    for (int n = 1; n <= bullets.size(); n++) {
      List<String> coordinating = bullets.get(n - 1).coordinating();
      if (!coordinating.isEmpty()) {
        if (!b.isEmpty()) {
          b.append('\n');
        }
        b.append("Nội dung ").append(n).append(": chủ trì, phối hợp với ")
            .append(coordinating.stream().map(agencies::shortName).collect(Collectors.joining(", ")));
      }
    }
    return b.isEmpty() ? null : b.toString();
  }
}
