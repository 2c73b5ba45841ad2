package vn.cascade.home;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ExtensionRequests;
import vn.cascade.assignment.LaterUpdates;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;

/**
 * *Việc của đơn vị*: what an agency's people have to do or are waiting for. Its own assignments not
 * yet accepted (to report, returned for revision, waiting for the reviewer, an extension waiting for
 * a decision), its accepted reports whose work is still in progress (a later update is due), and the
 * contributions other agencies' assignments ask of it, each with its deadline in
 * force and the ways to act on it.
 */
@Component
class AgencyWork {

  /** An agency has a few dozen open assignments; a page of more would not be read. */
  static final int MAX_ROWS = 500;

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final ExtensionRequests extensions;
  private final LaterUpdates laterUpdates;
  private final TaskService tasks;
  private final AgencyDirectory agencies;
  private final Clock clock;

  AgencyWork(AssignmentRepository assignments, DirectiveRepository directives, ExtensionRequests extensions,
      LaterUpdates laterUpdates, TaskService tasks, AgencyDirectory agencies, Clock clock) {
    this.laterUpdates = laterUpdates;
    this.assignments = assignments;
    this.directives = directives;
    this.extensions = extensions;
    this.tasks = tasks;
    this.agencies = agencies;
    this.clock = clock;
  }

  /** What waits, in the words the agency reads. */
  enum Waiting {
    REPORT("Cần báo cáo"),
    RETURNED("Bị trả lại, cần nộp lại"),
    IN_REVIEW("Đã nộp, chờ xem xét"),
    EXTENSION_PENDING("Đang chờ quyết định gia hạn"),
    WORK_IN_PROGRESS("Báo cáo đã được chấp nhận, công việc đang thực hiện: gửi cập nhật khi hoàn thành"),
    CONTRIBUTION("Cần góp ý (cơ quan phối hợp)");

    final String label;

    Waiting(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One line of the list.
   *
   * @param taskId the agency's open task of it in Tasklist, or null (waiting for someone else)
   * @param waiting what waits, first the agency's own action
   */
  record Line(long assignmentId, String directiveNumber, String directiveTitle, int itemNumber, String itemHeading,
      String leadAgency, java.time.LocalDate due, String deadline, String originalDeadline, String status, String statusCss, boolean dueSoon,
      List<Waiting> waiting, String taskId, boolean mayAttach, boolean mayAskForTime, boolean mayUpdate) {

    public String waitingText() {
      return String.join("; ", waiting.stream().map(Waiting::label).toList());
    }
  }

  List<Line> of(Set<String> groups) {
    List<String> own = groups.stream().filter(agencies::exists).sorted().toList();
    if (own.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Map<Long, Optional<Directive>> directiveCache = new HashMap<>();
    List<Line> lines = new ArrayList<>();

    List<Assignment> mine = assignments.openOf(own, MAX_ROWS);
    Map<String, Task> openTask = new HashMap<>();
    if (!mine.isEmpty()) {
      for (Task t : tasks.createTaskQuery().processInstanceIdIn(mine.stream().map(Assignment::processInstanceId)
          .toArray(String[]::new)).taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).list()) {
        openTask.put(t.getProcessInstanceId(), t);
      }
    }
    for (Assignment a : mine) {
      Task task = openTask.get(a.processInstanceId());
      List<Waiting> waiting = new ArrayList<>();
      if (task != null) {
        waiting.add(Assignment.RETURNED.equals(a.reviewStatus()) ? Waiting.RETURNED : Waiting.REPORT);
      } else if (a.inReview()) {
        waiting.add(Waiting.IN_REVIEW);
      }
      boolean pending = extensions.pending(a).isPresent();
      if (pending) {
        waiting.add(Waiting.EXTENSION_PENDING);
      }
      if (waiting.isEmpty()) {
        continue; // accepted in the meantime, or being delivered
      }
      lines.add(line(a, directiveCache, now, waiting, task == null ? null : task.getId(), task != null,
          extensions.mayRequest(a, groups) && !pending && !a.inReview(), false));
    }
    for (Assignment a : assignments.inProgressOf(own, MAX_ROWS)) {
      if (laterUpdates.mayUpdate(a, groups)) {
        lines.add(line(a, directiveCache, now, List.of(Waiting.WORK_IN_PROGRESS), null, false, false, true));
      }
    }

    for (Task t : tasks.createTaskQuery().taskCandidateGroupIn(own)
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_CONTRIBUTE).orderByDueDate().asc().listPage(0, MAX_ROWS)) {
      assignments.ofProcessInstance(t.getProcessInstanceId()).ifPresent(a ->
          lines.add(line(a, directiveCache, now, List.of(Waiting.CONTRIBUTION), t.getId(), false, false, false)));
    }
    lines.sort(Comparator.comparing((Line l) -> l.taskId() == null).thenComparing(Line::due));
    return lines;
  }

  private Line line(Assignment a, Map<Long, Optional<Directive>> directiveCache, Instant now, List<Waiting> waiting,
      String taskId, boolean mayAttach, boolean mayAskForTime, boolean mayUpdate) {
    Optional<Directive> d = directiveCache.computeIfAbsent(a.directiveId(), directives::find);
    String heading = d.flatMap(x -> x.body().items().stream()
        .filter(i -> i.number() != null && i.number() == a.itemNumber()).findFirst().map(i -> i.heading()))
        .orElse("");
    var status = a.status(now);
    return new Line(a.id(), d.map(Directive::number).orElse(""), d.map(Directive::title).orElse(""), a.itemNumber(),
        heading == null ? "" : heading, agencies.shortName(a.agencyCode()), a.deadline(), VnDates.format(a.deadline()),
        a.originalDeadline() != null && !a.originalDeadline().equals(a.deadline())
            ? VnDates.format(a.originalDeadline()) : null,
        status.label(), switch (status) {
          case OPEN_OVERDUE -> "b-overdue";
          case OPEN_IN_TIME -> "b-open";
          case COMPLETED_LATE -> "b-late";
          default -> "b-on-time";
        }, a.dueSoon(now), List.copyOf(waiting), taskId,
        mayAttach, mayAskForTime, mayUpdate);
  }
}
