package vn.cascade.assignment;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.AssignmentAccess;

/**
 * Moves an assignment to another agency (chuyển giao), for Văn phòng UBND's decision on a return as
 * not within the agency's remit and for an administrator's merger. The row keeps its id, so its
 * history stays: versions, reminders and urgings, extensions, files. The deadline in force does not
 * change. The open report task changes candidate group (a claim by the old agency's staff is
 * dropped), the old agency loses its grant on the process instance and the new one gets it; every
 * check of Cascade's pages reads the assignment's agency from the row, and the chase and the
 * morning digest address the agency the row names when they run.
 */
@Service
public class AssignmentTransfers {

  private final AssignmentRepository assignments;
  private final TransferRepository transfers;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final AssignmentAccess access;
  private final Clock clock;

  AssignmentTransfers(AssignmentRepository assignments, TransferRepository transfers, DirectiveRepository directives,
      AgencyDirectory agencies, TaskService taskService, RuntimeService runtimeService, AssignmentAccess access,
      Clock clock) {
    this.assignments = assignments;
    this.transfers = transfers;
    this.directives = directives;
    this.agencies = agencies;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.access = access;
    this.clock = clock;
  }

  /** Whether the assignment is still open: its process runs and its report is not accepted. */
  public boolean open(Assignment a) {
    return !a.reported() && !Assignment.ACCEPTED.equals(a.reviewStatus()) && a.processInstanceId() != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count() > 0;
  }

  /**
   * Why the assignment cannot move to this agency, in Vietnamese, or null when it can.
   */
  /** Why {@code agency} cannot be the one an assignment moves to: it carries out none. */
  static String notAnExecutor(Agency agency) {
    return agency.name() + " không nhận nhiệm vụ thực hiện: vui lòng chọn cơ quan khác (sở, ngành hoặc địa phương).";
  }

  String refusal(Assignment a, String to) {
    if (to == null || to.isBlank() || !agencies.exists(to)) {
      return "Vui lòng chọn cơ quan nhận nhiệm vụ trong danh mục cơ quan.";
    }
    if (!agencies.isActive(to)) {
      return agencies.get(to).name() + " đã ngừng hoạt động: vui lòng chọn cơ quan khác.";
    }
    if (!agencies.get(to).carriesOutAssignments()) {
      return notAnExecutor(agencies.get(to));
    }
    if (to.equals(a.agencyCode())) {
      return "Nhiệm vụ đang do " + agencies.get(to).name() + " thực hiện: vui lòng chọn cơ quan khác.";
    }
    if (assignments.exists(a.directiveId(), a.itemNumber(), to)) {
      return agencies.get(to).name() + " đã được giao nhiệm vụ " + a.itemNumber()
          + " của văn bản này: không thể chuyển thêm.";
    }
    if (!open(a)) {
      return "Nhiệm vụ này đã kết thúc (báo cáo đã được chấp nhận): không thể chuyển giao.";
    }
    return null;
  }

  /**
   * Moves the assignment and records the move on the transfer row {@code transferId} (a return
   * Văn phòng UBND decided) or on a new decided row (a merger, {@code transferId} null).
   *
   * @throws InvalidInputException (field {@code transferAgency}) when it cannot move there; nothing changes then
   */
  @Transactional
  public void move(long assignmentId, String to, Long transferId, String reason, String decision, String comment,
      String by) {
    Assignment a = assignments.find(assignmentId).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ."));
    String refused = refusal(a, to);
    if (refused != null) {
      throw new InvalidInputException("transferAgency", refused);
    }
    String from = a.agencyCode();
    if (transferId == null) {
      transfers.recordDecided(a.id(), from, to, reason, decision, comment, by, clock.instant());
    } else {
      transfers.decide(transferId, decision, to, comment, by, clock.instant());
    }
    assignments.changeAgency(a.id(), to);
    String oldName = agencies.get(from).name();
    for (Task task : taskService.createTaskQuery().processInstanceId(a.processInstanceId())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).list()) {
      if (task.getDescription() != null && task.getDescription().startsWith(oldName + ":")) {
        task.setDescription(agencies.get(to).name() + task.getDescription().substring(oldName.length()));
      }
      task.setAssignee(null);
      taskService.saveTask(task);
      boolean candidate = taskService.getIdentityLinksForTask(task.getId()).stream()
          .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && from.equals(l.getGroupId()));
      if (candidate) {
        taskService.deleteCandidateGroup(task.getId(), from);
      }
      access.revokeTask(task.getId(), from);
      taskService.addCandidateGroup(task.getId(), to);
    }
    // Other open tasks of the assignment (the review, a pending extension decision) name the agency.
    for (Task task : taskService.createTaskQuery().processInstanceId(a.processInstanceId()).list()) {
      String key = task.getTaskDefinitionKey();
      // The decision being completed is still listed in this transaction; it is not renamed.
      if (!AgencyAssignmentProcess.TASK_REPORT_RESULTS.equals(key)
          && !AgencyAssignmentProcess.TASK_DECIDE_TRANSFER.equals(key) && task.getName() != null
          && task.getName().contains(oldName)) {
        task.setName(task.getName().replace(oldName, agencies.get(to).name()));
        taskService.saveTask(task);
      }
    }
    if (!stillInvolved(a, from)) {
      access.revokeGroup(a.processInstanceId(), from);
    }
    access.grant(a.processInstanceId(), to);
  }

  /** The old agency keeps its grant when it also collects, reviews or contributes to this assignment. */
  private boolean stillInvolved(Assignment a, String agency) {
    Directive d = directives.find(a.directiveId()).orElseThrow();
    if (agency.equals(d.collectingAgency()) || agency.equals(d.body().reviewingAgencyOrDefault())) {
      return true;
    }
    DirectiveDraft.Item item = d.body().items().stream().filter(i -> i.number() == a.itemNumber()).findFirst()
        .orElse(null);
    return item != null && ContributionPlan.agenciesOf(a, item).contains(agency);
  }

  /** The open assignments an agency leads (what a merger moves). */
  public List<Assignment> openOf(String agency) {
    return assignments.openOf(Set.of(agency), 100_000).stream().filter(this::open).toList();
  }
}
