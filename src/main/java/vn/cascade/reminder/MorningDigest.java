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
 * every chase whose reminder or urging is due (its plan in {@code cascade_chase}): agencies' reports,
 * collectors' summaries, the office's report back to the Party. It writes one digest per agency listing
 * them, one overdue list for the office and one escalation list for the leadership, and moves each plan on to its next notification by the same rules as before
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

  private record Due(ChaseSubject subject, long subjectId, Planned planned, Plan advanced, Line line,
      DigestItem item) {}

  /** Writes this morning's digests; returns the ids of the outbox rows to send. */
  public List<Long> collect() {
    Instant now = clock.instant();
    LocalDate today = now.atZone(VnDates.ZONE).toLocalDate();
    if (!compression.active() && settings.digestOnWorkingDaysOnly() && !calendar.isWorkingDay(today)) {
      return List.of();
    }
    List<Plan> duePlans = plans.due(now);
    Map<Long, Assignment> rows = read(duePlans.stream().filter(p -> p.subject() == ChaseSubject.ASSIGNMENT)
        .map(Plan::subjectId).toList());
    Map<Long, Directive> directiveCache = new HashMap<>();
    Map<String, String> tasks = reportTasks(rows.values());
    List<Plan> advance = new ArrayList<>();
    Map<Group, List<Due>> groups = new TreeMap<>(Comparator.comparing(Group::day).thenComparing(Group::agency));
    for (Plan plan : duePlans) {
      Planned due = plan.next();
      ChaseTarget target;
      Assignment a = null;
      if (plan.subject() == ChaseSubject.ASSIGNMENT) {
        a = rows.get(plan.subjectId());
        if (a == null || a.reported()) {
          continue; // its chase closes with its scope
        }
        target = targets.assignment(a, directive(a.directiveId(), directiveCache));
      } else {
        target = targets.resolve(plan.subject(), plan.subjectId());
      }
      // A reminder left unsent until its deadline (no morning run on its day) would say "còn 0 ngày" of
      // what is due already: the urging that follows it in the plan stands in for it.
      boolean stale = false;
      while (due.kind() == NotificationKind.REMINDER && !compression.active() && !today.isBefore(target.deadline())) {
        due = planner.next(target, plan.startedAt(), due);
        stale = true;
      }
      if (stale && due.at().isAfter(now)) {
        advance.add(new Plan(plan.subject(), plan.subjectId(), plan.processInstanceId(), plan.startedAt(), due,
            compression.fireAt(due.at(), plan.startedAt())));
        continue;
      }
      Planned next = planner.next(target, plan.startedAt(), due);
      Plan advanced = new Plan(plan.subject(), plan.subjectId(), plan.processInstanceId(), plan.startedAt(), next,
          compression.fireAt(next.at(), plan.startedAt()));
      if (a != null && a.inReview()) {
        advance.add(advanced); // reported, with the reviewer: nobody is chased meanwhile
        continue;
      }
      LocalDate day = compression.active() ? due.at().atZone(VnDates.ZONE).toLocalDate() : today;
      boolean urging = due.kind() == NotificationKind.URGING;
      int days = (int) (urging ? ChronoUnit.DAYS.between(target.deadline(), day) + 1
          : ChronoUnit.DAYS.between(day, target.deadline()));
      int urgings = urging ? due.sequence() : 0;
      Line line = a != null
          ? composer.line(a, directive(a.directiveId(), directiveCache), due.kind(), days, urgings,
              link(tasks.get(a.processInstanceId())))
          : composer.line(target, due.kind(), days, urgings, link(taskOf(target)));
      groups.computeIfAbsent(new Group(target.agency(), day), g -> new ArrayList<>())
          .add(new Due(plan.subject(), plan.subjectId(), due, advanced, line, new DigestItem(plan.subject(),
              plan.subjectId(), due.kind(), due.sequence(), target.deadline(), days, urgings)));
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
          if (due.subject() == ChaseSubject.ASSIGNMENT) {
            urged.add(due.subjectId());
          }
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

  /**
   * Everything overdue, urged at least once and not yet done, across all directives: the agencies'
   * reports and the collectors' summaries, one list for the office. (The report back to the Party is
   * the office's own work: it is in the office's digest.)
   */
  private java.util.Optional<Long> officeList(LocalDate day, Instant now, Map<Long, Assignment> known,
      Map<Long, Directive> directiveCache, Map<String, String> tasks) {
    String key = key(NotificationKind.OVERDUE_LIST, settings.monitoringAgency(), day);
    List<ChasePlans.Urged> urgedSoFar = plans.urged();
    if (urgedSoFar.isEmpty() || outbox.exists(key)) {
      return java.util.Optional.empty();
    }
    Map<Long, Assignment> rows = new HashMap<>(known);
    List<Long> missing = urgedSoFar.stream().filter(u -> u.subject() == ChaseSubject.ASSIGNMENT)
        .map(ChasePlans.Urged::subjectId).filter(id -> !rows.containsKey(id)).toList();
    Map<Long, Assignment> more = read(missing);
    rows.putAll(more);
    Map<String, String> moreTasks = new HashMap<>(tasks);
    moreTasks.putAll(reportTasks(more.values()));
    List<Line> lines = new ArrayList<>();
    List<DigestItem> items = new ArrayList<>();
    for (ChasePlans.Urged u : urgedSoFar) {
      Line line;
      LocalDate deadline;
      int daysLate;
      // Compressed, each chase runs its own calendar from its start: its day is that of its last urging.
      LocalDate lineDay = compression.active() ? lastUrgingDay(u.nextAt(), day) : day;
      if (u.subject() == ChaseSubject.ASSIGNMENT) {
        Assignment a = rows.get(u.subjectId());
        if (a == null || a.reported() || a.inReview()) {
          continue;
        }
        deadline = a.deadline();
        daysLate = (int) ChronoUnit.DAYS.between(deadline, lineDay) + 1;
        line = composer.line(a, directive(a.directiveId(), directiveCache), NotificationKind.URGING, daysLate,
            u.urgings(), link(moreTasks.get(a.processInstanceId())));
      } else {
        ChaseTarget target = targets.resolve(u.subject(), u.subjectId());
        deadline = target.deadline();
        daysLate = (int) ChronoUnit.DAYS.between(deadline, lineDay) + 1;
        line = composer.line(target, NotificationKind.URGING, daysLate, u.urgings(), link(taskOf(target)));
      }
      lines.add(line);
      items.add(new DigestItem(u.subject(), u.subjectId(), NotificationKind.URGING, u.urgings(), deadline, daysLate,
          u.urgings()));
    }
    if (lines.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(outbox.insertDigest(key, NotificationKind.OVERDUE_LIST, settings.monitoringAgency(),
        day, composer.overdueList(day, lines), now, now, NotificationSender.messageId(key), items));
  }

  /** The working day whose urging planned the next one for {@code nextAt}; {@code fallback} if none is found. */
  private LocalDate lastUrgingDay(Instant nextAt, LocalDate fallback) {
    LocalDate next = nextAt.atZone(VnDates.ZONE).toLocalDate();
    for (LocalDate d = next.minusDays(1); d.isAfter(next.minusDays(21)); d = d.minusDays(1)) {
      if (calendar.isWorkingDay(d) && calendar.plusWorkingDays(d, settings.urgingIntervalWorkingDays()).equals(next)) {
        return d;
      }
    }
    return fallback;
  }

  private Directive directive(long id, Map<Long, Directive> cache) {
    return cache.computeIfAbsent(id, k -> directives.find(k).orElseThrow());
  }

  /** The open task of a summary or a report back (one each: no bulk read needed). */
  private String taskOf(ChaseTarget target) {
    Task task = target.processInstanceId() == null ? null : taskService.createTaskQuery()
        .processInstanceId(target.processInstanceId()).taskDefinitionKey(target.taskDefinitionKey()).singleResult();
    return task == null ? null : task.getId();
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
