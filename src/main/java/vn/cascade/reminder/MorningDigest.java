package vn.cascade.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.reminder.ChasePlans.Plan;
import vn.cascade.reminder.DigestComposer.Line;
import vn.cascade.reminder.NotificationOutbox.DigestItem;
import vn.cascade.reminder.NotificationPlanner.Planned;

/**
 * The morning run ({@code morning-digest}): at 08:00 Asia/Ho_Chi_Minh on each working day it takes
 * every assignment whose reminder or urging is due (its plan in {@code cascade_chase}), writes one
 * digest per agency listing them, one overdue list for the office and one escalation list for the
 * leadership, and moves each plan on to its next notification by the same rules as before
 * ({@link NotificationPlanner}). Rows and plans commit together; the digests are then sent by async,
 * retried jobs. A digest's key (kind, recipient, day) is unique in the outbox: a second run of the same
 * morning, on this node or another, writes no second digest.
 */
@Component("morningDigest")
public class MorningDigest {

  private final ChasePlans plans;
  private final ChaseTargets targets;
  private final NotificationPlanner planner;
  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final NotificationOutbox outbox;
  private final DigestComposer composer;
  private final WorkingCalendar calendar;
  private final TimeCompression compression;
  private final ReminderSettings settings;
  private final TaskService taskService;
  private final Clock clock;

  MorningDigest(ChasePlans plans, ChaseTargets targets, NotificationPlanner planner, AssignmentRepository assignments,
      DirectiveRepository directives, NotificationOutbox outbox, DigestComposer composer, WorkingCalendar calendar,
      TimeCompression compression, ReminderSettings settings, TaskService taskService, Clock clock) {
    this.plans = plans;
    this.targets = targets;
    this.planner = planner;
    this.assignments = assignments;
    this.directives = directives;
    this.outbox = outbox;
    this.composer = composer;
    this.calendar = calendar;
    this.compression = compression;
    this.settings = settings;
    this.taskService = taskService;
    this.clock = clock;
  }

  /** The ids of the digests this run wrote, as the send step's collection ({@code ${morningDigest.ids(digestIds)}}). */
  public List<Long> ids(String written) {
    return written == null || written.isBlank() ? List.of()
        : Arrays.stream(written.split(",")).map(Long::valueOf).toList();
  }

  private record Group(String agency, LocalDate day) {}

  private record Due(Assignment assignment, Planned planned, Plan advanced, Line line, DigestItem item) {}

  /** Writes this morning's digests; returns the ids of the outbox rows to send. */
  public List<Long> collect() {
    Instant now = clock.instant();
    LocalDate today = now.atZone(VnDates.ZONE).toLocalDate();
    if (!compression.active() && settings.digestOnWorkingDaysOnly() && !calendar.isWorkingDay(today)) {
      return List.of();
    }
    List<Plan> duePlans = plans.due(ChaseSubject.ASSIGNMENT, now);
    Map<Long, Assignment> rows = read(duePlans.stream().map(Plan::subjectId).toList());
    Map<Long, Directive> directiveCache = new HashMap<>();
    Map<String, String> tasks = reportTasks(rows.values());
    List<Plan> advance = new ArrayList<>();
    Map<Group, List<Due>> groups = new TreeMap<>(Comparator.comparing(Group::day).thenComparing(Group::agency));
    for (Plan plan : duePlans) {
      Assignment a = rows.get(plan.subjectId());
      if (a == null || a.reported()) {
        continue; // its chase closes with its scope
      }
      Directive d = directiveCache.computeIfAbsent(a.directiveId(), id -> directives.find(id).orElseThrow());
      ChaseTarget target = targets.assignment(a, d);
      Planned due = plan.next();
      Planned next = planner.next(target, plan.startedAt(), due);
      Plan advanced = new Plan(plan.subject(), plan.subjectId(), plan.processInstanceId(), plan.startedAt(), next,
          compression.fireAt(next.at(), plan.startedAt()));
      if (a.inReview()) {
        advance.add(advanced); // reported, with the reviewer: nobody is chased meanwhile
        continue;
      }
      LocalDate day = compression.active() ? due.at().atZone(VnDates.ZONE).toLocalDate() : today;
      boolean urging = due.kind() == NotificationKind.URGING;
      int days = (int) (urging ? ChronoUnit.DAYS.between(a.deadline(), day) + 1 : ChronoUnit.DAYS.between(day, a.deadline()));
      int urgings = urging ? due.sequence() : 0;
      Line line = composer.line(a, d, due.kind(), days, urgings, link(tasks.get(a.processInstanceId())));
      groups.computeIfAbsent(new Group(a.agencyCode(), day), g -> new ArrayList<>())
          .add(new Due(a, due, advanced, line, new DigestItem(a.id(), due.kind(), due.sequence(), a.deadline(), days,
              urgings)));
    }

    List<Long> written = new ArrayList<>();
    Set<Long> urged = new LinkedHashSet<>();
    Map<LocalDate, List<Due>> escalated = new TreeMap<>();
    for (Map.Entry<Group, List<Due>> g : groups.entrySet()) {
      String key = key(NotificationKind.DIGEST, g.getKey().agency(), g.getKey().day());
      if (outbox.exists(key)) {
        continue; // that morning's digest went out already: these items wait for the next run
      }
      List<Due> items = g.getValue();
      Mail mail = composer.agencyDigest(g.getKey().agency(), g.getKey().day(), items.stream().map(Due::line).toList());
      written.add(outbox.insertDigest(key, NotificationKind.DIGEST, g.getKey().agency(), g.getKey().day(), mail,
          now, now, NotificationSender.messageId(key), items.stream().map(Due::item).toList()));
      for (Due due : items) {
        advance.add(due.advanced());
        if (due.planned().kind() == NotificationKind.URGING) {
          urged.add(due.assignment().id());
          if (due.planned().sequence() == settings.urgingsBeforeEscalation()) {
            escalated.computeIfAbsent(g.getKey().day(), k -> new ArrayList<>()).add(due);
          }
        }
      }
    }
    plans.advanceAll(advance);
    assignments.markOverdueAll(urged, now);

    LocalDate officeDay = compression.active()
        ? groups.keySet().stream().map(Group::day).max(Comparator.naturalOrder()).orElse(null) : today;
    if (officeDay != null) {
      officeList(officeDay, now, rows, directiveCache, tasks).ifPresent(written::add);
    }
    for (Map.Entry<LocalDate, List<Due>> e : escalated.entrySet()) {
      String key = key(NotificationKind.ESCALATION_LIST, settings.leadershipAgency(), e.getKey());
      if (!outbox.exists(key)) {
        List<Due> items = e.getValue();
        written.add(outbox.insertDigest(key, NotificationKind.ESCALATION_LIST, settings.leadershipAgency(), e.getKey(),
            composer.escalationList(e.getKey(), items.stream().map(Due::line).toList()), now, now,
            NotificationSender.messageId(key), items.stream().map(Due::item).toList()));
      }
    }
    return written;
  }

  /** Everything overdue, urged at least once and not yet reported, across all directives: one list for the office. */
  private java.util.Optional<Long> officeList(LocalDate day, Instant now, Map<Long, Assignment> known,
      Map<Long, Directive> directiveCache, Map<String, String> tasks) {
    String key = key(NotificationKind.OVERDUE_LIST, settings.monitoringAgency(), day);
    Map<Long, Integer> urgedSoFar = plans.urgedAssignments();
    if (urgedSoFar.isEmpty() || outbox.exists(key)) {
      return java.util.Optional.empty();
    }
    Map<Long, Assignment> rows = new HashMap<>(known);
    List<Long> missing = urgedSoFar.keySet().stream().filter(id -> !rows.containsKey(id)).toList();
    Map<Long, Assignment> more = read(missing);
    rows.putAll(more);
    Map<String, String> moreTasks = new HashMap<>(tasks);
    moreTasks.putAll(reportTasks(more.values()));
    List<Line> lines = new ArrayList<>();
    List<DigestItem> items = new ArrayList<>();
    for (Map.Entry<Long, Integer> e : urgedSoFar.entrySet()) {
      Assignment a = rows.get(e.getKey());
      if (a == null || a.reported() || a.inReview()) {
        continue;
      }
      Directive d = directiveCache.computeIfAbsent(a.directiveId(), id -> directives.find(id).orElseThrow());
      int daysLate = (int) ChronoUnit.DAYS.between(a.deadline(), day) + 1;
      lines.add(composer.line(a, d, NotificationKind.URGING, daysLate, e.getValue(),
          link(moreTasks.get(a.processInstanceId()))));
      items.add(new DigestItem(a.id(), NotificationKind.URGING, e.getValue(), a.deadline(), daysLate, e.getValue()));
    }
    if (lines.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(outbox.insertDigest(key, NotificationKind.OVERDUE_LIST, settings.monitoringAgency(),
        day, composer.overdueList(day, lines), now, now, NotificationSender.messageId(key), items));
  }

  /** The outbox key of a morning mail: one per kind, recipient and day. */
  public static String key(NotificationKind kind, String recipient, LocalDate day) {
    return "digest:" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + recipient + ":" + day;
  }

  private Map<Long, Assignment> read(Collection<Long> ids) {
    Map<Long, Assignment> out = new HashMap<>();
    if (!ids.isEmpty()) {
      assignments.findAll(ids).forEach(a -> out.put(a.id(), a));
    }
    return out;
  }

  /** The open report task of each instance, by process instance id, in chunks of 1,000. */
  private Map<String, String> reportTasks(Collection<Assignment> rows) {
    List<String> pis = rows.stream().map(Assignment::processInstanceId).filter(java.util.Objects::nonNull).distinct()
        .toList();
    Map<String, String> out = new HashMap<>();
    for (int from = 0; from < pis.size(); from += 1000) {
      for (Task t : taskService.createTaskQuery().processInstanceIdIn(pis.subList(from, Math.min(pis.size(), from + 1000))
          .toArray(String[]::new)).taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).list()) {
        out.put(t.getProcessInstanceId(), t.getId());
      }
    }
    return out;
  }

  private String link(String taskId) {
    return settings.tasklistBaseUrl() + (taskId == null ? "" : "#/?task=" + taskId);
  }
}
