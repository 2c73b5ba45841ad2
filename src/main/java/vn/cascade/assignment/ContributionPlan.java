package vn.cascade.assignment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveRepository;

/**
 * Who coordinates with a lead agency, read by the BPMN as
 * {@code ${contributionPlan.agenciesOf(execution.processInstanceId)}}, and what the lead's form
 * shows of their contributions.
 */
@Component("contributionPlan")
public class ContributionPlan {

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final ContributionRepository contributions;
  private final AgencyDirectory agencies;

  ContributionPlan(AssignmentRepository assignments, DirectiveRepository directives,
      ContributionRepository contributions, AgencyDirectory agencies) {
    this.assignments = assignments;
    this.directives = directives;
    this.contributions = contributions;
    this.agencies = agencies;
  }

  /** The coordinating agencies named in the bullets of the lead's item, each once, never the lead itself. */
  public List<String> agenciesOf(String processInstanceId) {
    Assignment a = assignments.ofProcessInstance(processInstanceId).orElseThrow();
    return agenciesOf(a, item(a));
  }

  /** The same, for an assignment and its item already read (no query). */
  static List<String> agenciesOf(Assignment a, DirectiveDraft.Item item) {
    Set<String> codes = new LinkedHashSet<>();
    for (DirectiveDraft.Bullet b : item.bullets()) {
      codes.addAll(b.coordinating());
    }
    codes.remove(a.agencyCode());
    return List.copyOf(codes);
  }

  /** The bullets a coordinating agency helps with, for its contribution form. */
  String bulletsFor(DirectiveDraft.Item item, String contributor) {
    List<DirectiveDraft.Bullet> bullets = item.bullets();
    StringBuilder b = new StringBuilder();
    for (int n = 1; n <= bullets.size(); n++) {
      if (bullets.get(n - 1).coordinating().contains(contributor)) {
        b.append("Nội dung ").append(n).append(": ").append(bullets.get(n - 1).text()).append("\n\n");
      }
    }
    return Texts.fitVariable(b.toString().strip());
  }

  /** What the lead's report form shows: each contribution that arrived, and who is still missing. */
  String contributionsText(Assignment a, DirectiveDraft.Item item) {
    List<String> expected = agenciesOf(a, item);
    var arrived = contributions.of(a.id());
    StringBuilder b = new StringBuilder();
    for (var c : arrived) {
      b.append(agencies.shortName(c.agencyCode())).append(" (").append(VnDates.format(c.submittedAt())).append("): ")
          .append(c.text()).append("\n\n");
    }
    Set<String> done = arrived.stream().map(ContributionRepository.Contribution::agencyCode).collect(Collectors.toSet());
    List<String> missing = expected.stream().filter(code -> !done.contains(code)).map(agencies::shortName).toList();
    if (!missing.isEmpty()) {
      b.append("Chưa gửi ý kiến: ").append(String.join(", ", missing)).append('.');
    }
    return Texts.fitVariable(b.toString().strip());
  }

  private DirectiveDraft.Item item(Assignment a) {
    Directive d = directives.find(a.directiveId()).orElseThrow();
    return d.body().items().stream().filter(i -> i.number() == a.itemNumber()).findFirst().orElseThrow();
  }
}
