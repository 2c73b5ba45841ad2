package vn.cascade.reminder;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.conclusion.PartyConclusionProcess;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveRepository;

/** Finds what a chase is about, from its subject and id, as it stands now (deadline in force). */
@Component
public class ChaseTargets {

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final ConclusionService conclusions;
  private final ReminderSettings settings;

  ChaseTargets(AssignmentRepository assignments, DirectiveRepository directives, ConclusionService conclusions,
      ReminderSettings settings) {
    this.assignments = assignments;
    this.directives = directives;
    this.conclusions = conclusions;
    this.settings = settings;
  }

  /**
   * What the chase in this process is about, found by its process instance in Cascade's tables: the
   * assignment of an {@code agency-assignment}, the summary of a {@code directive}, the report back of
   * a {@code party-conclusion}. Never read from a variable.
   */
  public ChaseTarget ofProcess(String processDefinitionId, String processInstanceId) {
    return switch (vn.cascade.common.ProcessKeys.of(processDefinitionId)) {
      case AgencyAssignmentProcess.KEY -> assignment(assignments.ofProcessInstance(processInstanceId).orElseThrow().id());
      case DirectiveProcess.KEY -> summary(directives.findByProcessInstance(processInstanceId).orElseThrow().id());
      case PartyConclusionProcess.KEY -> reportBack(conclusions.ofProcessInstance(processInstanceId).orElseThrow().id());
      default -> throw new IllegalStateException("No chase is defined in process " + processDefinitionId);
    };
  }

  public ChaseTarget resolve(ChaseSubject subject, long id) {
    return switch (subject) {
      case ASSIGNMENT -> assignment(id);
      case SUMMARY -> summary(id);
      case REPORT_BACK -> reportBack(id);
      case DIGEST -> throw new IllegalArgumentException("A digest is not a chase");
    };
  }

  private ChaseTarget assignment(long id) {
    Assignment a = assignments.find(id).orElseThrow();
    return assignment(a, directives.find(a.directiveId()).orElseThrow());
  }

  /** The chase of an assignment whose rows the caller already read (the morning digest reads them in bulk). */
  public ChaseTarget assignment(Assignment a, Directive d) {
    long id = a.id();
    DirectiveDraft.Item item = d.body().items().stream().filter(i -> i.number() == a.itemNumber()).findFirst()
        .orElseThrow();
    String text = "Nhiệm vụ " + item.number() + (item.heading() == null ? "" : ": " + item.heading()) + "\n"
        + item.bullets().stream().map(b -> "- " + b.text()).collect(Collectors.joining("\n"));
    return new ChaseTarget(ChaseSubject.ASSIGNMENT, id, a.agencyCode(), a.deadline(), d.body().reminderOffsetsDays(),
        "Công văn " + d.number(), "báo cáo", text, a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS,
        d.id());
  }

  private ChaseTarget summary(long id) {
    Directive d = directives.find(id).orElseThrow();
    String text = d.body().summaryInstruction() != null ? d.body().summaryInstruction()
        : "Tổng hợp báo cáo của các cơ quan về việc thực hiện Công văn " + d.number() + ".";
    return new ChaseTarget(ChaseSubject.SUMMARY, id, d.collectingAgency(), d.summaryDeadline(),
        d.body().reminderOffsetsDays(), "Công văn " + d.number(), "tổng hợp báo cáo", text, d.processInstanceId(),
        DirectiveProcess.TASK_COLLECT_REPORTS, d.id());
  }

  private ChaseTarget reportBack(long id) {
    Conclusion c = conclusions.get(id);
    return new ChaseTarget(ChaseSubject.REPORT_BACK, id, settings.monitoringAgency(), c.reportBackDeadline(), List.of(),
        "Kết luận " + c.number(), "báo cáo Ban Thường vụ Tỉnh ủy",
        "Báo cáo kết quả thực hiện Kết luận " + c.number() + " cho Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy).",
        c.processInstanceId(), PartyConclusionProcess.TASK_PREPARE_REPORT_BACK, null);
  }
}
