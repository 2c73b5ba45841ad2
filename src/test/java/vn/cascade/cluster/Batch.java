package vn.cascade.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import vn.cascade.reminder.MorningDigestProcess;
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
    // The nodes' job executors start the assignments' instances (the fan-out) in the background.
    AssignmentRepository repository = nodes.get(0).bean(AssignmentRepository.class);
    java.util.function.Supplier<List<Assignment>> rows =
        () -> directives.stream().flatMap(d -> repository.ofDirective(d.id()).stream()).toList();
    await("the batch's fan-out", Duration.ofMinutes(2),
        () -> rows.get().stream().allMatch(a -> a.processInstanceId() != null),
        () -> rows.get().stream().filter(a -> a.processInstanceId() == null).count() + " assignments not started");
    return new Batch(directives, rows.get());
  }

  Set<String> assignmentInstances() {
    return assignments.stream().map(Assignment::processInstanceId).collect(Collectors.toSet());
  }

  /**
   * The morning of the batch's first reminders: every assignment of the batch has its first reminder due
   * now (and no other chase has), earlier digests are cleared (a digest's key is its recipient and day:
   * an earlier test's digest of today would stand for this one's), and the morning run's timer is due.
   * The job executors of both nodes race for the timer, the collect job and the send jobs.
   */
  void morning(ClusterNode node) {
    List<Long> ids = assignments.stream().map(Assignment::id).toList();
    var jdbc = node.jdbc();
    jdbc.sql("update cascade_chase set fires_at = :later where subject = 'ASSIGNMENT' and subject_id not in (:ids)")
        .param("later", java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofDays(365)))).param("ids", ids)
        .update();
    jdbc.sql("delete from cascade_digest_item").update();
    jdbc.sql("delete from cascade_notification where subject_kind = 'DIGEST'").update();
    int due = jdbc.sql("update cascade_chase set fires_at = :now where subject = 'ASSIGNMENT' and subject_id in (:ids)")
        .param("now", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).param("ids", ids).update();
    if (due != ids.size()) {
      throw new IllegalStateException(due + " of " + ids.size() + " assignments have a chase plan");
    }
    ManagementService jobs = node.engine().getManagementService();
    Job timer = jobs.createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).timers().singleResult();
    jobs.setJobDuedate(timer.getId(), new Date());
  }

  /** The morning run's jobs still there (collect and send jobs: waiting, retrying or failed). */
  static List<Job> morningJobs(ProcessEngine engine) {
    return engine.getManagementService().createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).messages()
        .list();
  }

  /** The morning's digests (one per agency of the batch). */
  List<NotificationOutbox.Entry> outbox(ClusterNode node) {
    return node.bean(NotificationOutbox.class).recent(2000).stream()
        .filter(e -> e.subjectKind() == ChaseSubject.DIGEST).toList();
  }

  /** Waits until {@code count} digests are SENT and no job of the morning run is left. */
  void awaitSent(ClusterNode node, int count) {
    await(count + " digests sent", Duration.ofSeconds(120),
        () -> outbox(node).stream().filter(e -> e.status() == NotificationOutbox.Status.SENT).count() == count
            && morningJobs(node.engine()).isEmpty(),
        () -> outbox(node).stream().map(e -> e.key() + " " + e.status() + " after " + e.attempts() + " attempt(s)")
            .toList() + " in the outbox, " + morningJobs(node.engine()).size() + " jobs of the morning run left");
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
