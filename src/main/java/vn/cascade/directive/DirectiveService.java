package vn.cascade.directive;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.VnDates;

/** Creates, issues and reads directives. */
@Service
public class DirectiveService {

  private final DirectiveRepository directives;
  private final AssignmentRepository assignments;
  private final DirectiveValidator validator;
  private final AgencyDirectory agencies;
  private final RuntimeService runtimeService;
  private final Clock clock;

  DirectiveService(DirectiveRepository directives, AssignmentRepository assignments, DirectiveValidator validator,
      AgencyDirectory agencies, RuntimeService runtimeService, Clock clock) {
    this.clock = clock;
    this.directives = directives;
    this.assignments = assignments;
    this.validator = validator;
    this.agencies = agencies;
    this.runtimeService = runtimeService;
  }

  /** Creates a directive outside any Conclusion's process and starts it at once. */
  @Transactional
  public Directive issue(DirectiveDraft submitted) {
    DirectiveDraft draft = submitted == null ? null : submitted.normalized();
    validator.validate(draft, null);
    long id = directives.insert(draft, Directive.Status.ISSUED, null);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(DirectiveProcess.KEY, draft.number(),
        Map.of(DirectiveProcess.DIRECTIVE_ID.name(), id));
    return directives.find(id).orElseThrow();
  }

  /** Stores or replaces the draft a Conclusion's process is preparing; returns its id. */
  @Transactional
  public long saveDraft(long conclusionId, DirectiveDraft submitted) {
    DirectiveDraft draft = submitted == null ? null : submitted.normalized();
    var existing = directives.findDraftOfConclusion(conclusionId);
    validator.validate(draft, existing.map(Directive::id).orElse(null));
    if (existing.isPresent()) {
      directives.replaceDraft(existing.get().id(), draft);
      return existing.get().id();
    }
    return directives.insert(draft, Directive.Status.DRAFT, conclusionId);
  }

  /** Applies the metadata edited in the draft form, checked like any other draft. */
  @Transactional
  public Directive reviseDraft(long directiveId, DirectiveDraft revised) {
    validator.validate(revised, directiveId);
    directives.replaceDraft(directiveId, revised);
    return get(directiveId);
  }

  @Transactional
  public void markIssued(long directiveId) {
    directives.markIssued(directiveId);
  }

  /**
   * Creates one assignment per (agency, item) when the directive's process starts, due at the item's
   * own deadline when it or its bullets have one, else at the report deadline: "all:department",
   * "all:district", "all:commune" and the groups as letters write them expand to the directory. Running it again creates nothing new.
   */
  @Transactional
  public void createAssignments(long directiveId, String processInstanceId) {
    Directive d = get(directiveId);
    directives.setProcessInstance(directiveId, processInstanceId);
    if (assignments.idsOf(directiveId).isEmpty()) {
      List<AssignmentRepository.NewAssignment> rows = new ArrayList<>();
      for (DirectiveDraft.Item item : d.body().items()) {
        // An item or a bullet with a deadline of its own ("chậm nhất ngày 30/6/2021") overrides the directive's.
        java.time.LocalDate deadline = item.deadlineOr(d.reportDeadline());
        for (String code : addressees(item)) {
          rows.add(new AssignmentRepository.NewAssignment(item.number(), code, deadline));
        }
      }
      assignments.insertAll(directiveId, rows);
    }
    // The instances start in the fan-out's jobs, each chunk reading its rows once (DirectiveFanOut).
  }

  /** The agencies an item is given to, in the order written, each once. */
  public Set<String> addressees(DirectiveDraft.Item item) {
    Set<String> codes = new LinkedHashSet<>();
    for (String selector : item.agencies()) {
      agencies.expand(selector).orElseThrow(() -> new IllegalStateException("Unknown agency " + selector))
          .forEach(a -> codes.add(a.code()));
    }
    return codes;
  }

  /** The directive of a Conclusion's process, drafted or issued. */
  public java.util.Optional<Directive> ofConclusion(long conclusionId) {
    return directives.findOfConclusion(conclusionId);
  }

  /** The draft a Conclusion's process is preparing, if one was attached. */
  public java.util.Optional<Directive> draftOfConclusion(long conclusionId) {
    return directives.findDraftOfConclusion(conclusionId);
  }

  public Directive get(long id) {
    return directives.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản có mã " + id + "."));
  }

  public List<Directive> all() {
    return directives.findAll();
  }

  public DirectiveView view(long id) {
    Directive d = get(id);
    Instant now = clock.instant();
    List<DirectiveView.AssignmentState> rows = new ArrayList<>();
    for (Assignment a : assignments.ofDirective(id)) {
      rows.add(new DirectiveView.AssignmentState(a.id(), a.itemNumber(), a.agencyCode(),
          agencies.find(a.agencyCode()).map(Agency::name).orElse(a.agencyCode()),
          a.originalDeadline() == null ? a.deadline() : a.originalDeadline(), a.deadline(), a.dueAt(),
          a.status(now), a.status(now).label(),
          a.reported() ? (String) a.report().get(AgencyAssignmentProcess.COMPLETION_STATUS.name()) : null,
          a.reported() ? vn.cascade.assignment.WorkStatus.label(a.report()) : "", a.dueSoon(now), a.reportedAt(), a.arrivedAfterCollection(),
          a.processInstanceId(), a.report()));
    }
    long reported = rows.stream().filter(r -> r.reportedAt() != null).count();
    return new DirectiveView(d.id(), d.number(), d.status().name(), d.issuedOn(), d.issuer(), d.title(),
        d.reportDeadline(), d.summaryDeadline(), d.collectingAgency(), d.body().conclusionNumber(),
        d.processInstanceId(), d.collectionOpenedAt(), d.summaryNumber(), d.summaryApprovedAt(),
        rows.size(), (int) reported, rows);
  }

  /** One line per item for the people who draft and approve: who gets what. */
  public String assignmentSummary(DirectiveDraft draft) {
    StringBuilder b = new StringBuilder();
    for (DirectiveDraft.Item item : draft.items()) {
      Set<String> codes = addressees(item);
      String who = codes.size() > 3
          ? codes.size() + " cơ quan (" + describeSelectors(item.agencies()) + ")"
          : codes.stream().map(agencies::shortName).collect(Collectors.joining(", "));
      b.append(item.number()).append(". ").append(who).append(" — ").append(item.bullets().size())
          .append(" nội dung");
      java.time.LocalDate own = item.deadlineOr(null);
      if (own != null) {
        b.append(" (thời hạn riêng: ").append(VnDates.before(own)).append(')');
      }
      if (item.heading() != null && !item.heading().isBlank()) {
        b.append(": ").append(item.heading());
      }
      b.append('\n');
    }
    b.append("Hạn báo cáo: ").append(VnDates.before(draft.reportDeadline()))
        .append("; hạn tổng hợp: ").append(VnDates.before(draft.summaryDeadline())).append('.');
    return b.toString();
  }

  private String describeSelectors(List<String> selectors) {
    return selectors.stream()
        .map(s -> AgencyDirectory.groupKind(s).map(AgencyKind::groupName).orElseGet(() -> agencies.shortName(s)))
        .collect(Collectors.joining(", "));
  }
}
