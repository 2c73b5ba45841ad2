package vn.cascade.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import vn.cascade.TestDocuments;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;
import vn.cascade.reminder.ChaseProcess;
import vn.cascade.reminder.ChaseSubject;
import vn.cascade.reminder.NotificationOutbox;

/** Directives issued for a cluster scenario, alternately on each node, and their assignments. */
final class Batch {

  /** Reporting agencies: five departments, none of them the collector (Sở KH&ĐT) that reviews them. */
  static final String[] AGENCIES = {"so-tp", "so-yt", "so-xd", "so-gtvt", "so-tc"};

  final List<Directive> directives;
  final List<Assignment> assignments;

  private Batch(List<Directive> directives, List<Assignment> assignments) {
    this.directives = directives;
    this.assignments = assignments;
  }

  /**
   * Issues directives today (real clock: the nodes' timers run on it), reports due in 16 days, so
   * that each assignment's first reminder (7 days before) waits on a timer.
   */
  static Batch issue(List<ClusterNode> nodes, int count, String... agencies) {
    LocalDate today = LocalDate.now(VnDates.ZONE);
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    List<Directive> directives = new ArrayList<>();
    try {
      List<Future<Directive>> issued = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        DirectiveService service = nodes.get(i % nodes.size()).bean(DirectiveService.class);
        issued.add(pool.submit(() -> service.issue(TestDocuments.directive(today, agencies))));
      }
      for (Future<Directive> d : issued) {
        directives.add(d.get(2, TimeUnit.MINUTES));
      }
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Issuing the batch failed", e);
    } finally {
      pool.shutdownNow();
    }
    AssignmentRepository repository = nodes.get(0).bean(AssignmentRepository.class);
    List<Assignment> assignments = directives.stream().flatMap(d -> repository.ofDirective(d.id()).stream()).toList();
    return new Batch(directives, assignments);
  }

  Set<String> assignmentInstances() {
    return assignments.stream().map(Assignment::processInstanceId).collect(Collectors.toSet());
  }

  /** The timers of the assignments' chase loops, each waiting for its first reminder. */
  List<Job> reminderTimers(ProcessEngine engine) {
    Set<String> mine = assignmentInstances();
    return engine.getManagementService().createJobQuery().timers()
        .processDefinitionKey(AgencyAssignmentProcess.KEY).activityId("Event_NotificationDue").list()
        .stream().filter(j -> mine.contains(j.getProcessInstanceId())).toList();
  }

  /**
   * One timer of each of the first {@code count} directives: jobs of one directive and its
   * assignments are acquired one at a time (jobExecutorAcquireExclusiveOverProcessHierarchies),
   * timers of different directives run side by side.
   */
  List<Job> oneTimerPerDirective(List<Job> timers, int count) {
    java.util.Map<String, Long> directiveOf = new java.util.HashMap<>();
    assignments.forEach(a -> directiveOf.put(a.processInstanceId(), a.directiveId()));
    java.util.Map<Long, Job> first = new java.util.LinkedHashMap<>();
    timers.forEach(t -> first.putIfAbsent(directiveOf.get(t.getProcessInstanceId()), t));
    return first.values().stream().limit(count).toList();
  }

  /** Makes timers due now, as the calendar would on the reminder's morning. */
  static void makeDue(ProcessEngine engine, List<Job> timers) {
    Date now = new Date();
    for (Job timer : timers) {
      engine.getManagementService().setJobDuedate(timer.getId(), now);
    }
  }

  /** The send jobs of the assignments' chase loops that are still there (waiting, retrying or failed). */
  List<Job> sendJobs(ProcessEngine engine) {
    Set<String> mine = assignmentInstances();
    return engine.getManagementService().createJobQuery().messages()
        .processDefinitionKey(AgencyAssignmentProcess.KEY).activityId("Task_SendNotification").list()
        .stream().filter(j -> mine.contains(j.getProcessInstanceId())).toList();
  }

  List<NotificationOutbox.Entry> outbox(ClusterNode node) {
    NotificationOutbox outbox = node.bean(NotificationOutbox.class);
    return assignments.stream().flatMap(a -> outbox.ofSubject(ChaseSubject.ASSIGNMENT, a.id()).stream()).toList();
  }

  /** Waits until the first {@code count} reminders of the batch are SENT and no send job is left. */
  void awaitSent(ClusterNode node, int count) {
    await(count + " reminders sent", Duration.ofSeconds(120),
        () -> outbox(node).stream().filter(e -> e.status() == NotificationOutbox.Status.SENT).count() == count
            && sendJobs(node.engine()).isEmpty(),
        () -> outbox(node).stream().map(e -> e.key() + " " + e.status() + " after " + e.attempts() + " attempt(s)")
            .toList() + " in the outbox, " + sendJobs(node.engine()).size() + " send jobs left");
  }

  /** Polls until the condition holds; fails with the diagnostic after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> diagnostic) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + ": "
            + diagnostic.get());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what);
      }
    }
  }
}
