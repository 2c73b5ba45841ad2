package vn.cascade.directive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cascade.assignment.AssignmentRepository;

/**
 * The fan-out of a directive: its assignments' {@code agency-assignment} instances start in chunks,
 * one job per chunk ({@code SubProcess_FanOut} is asynchronous before each chunk), so that issuing a
 * directive of 125 or 2,000 assignments answers at once and the instances follow in the background,
 * while a directive of 25 costs one job more than starting them in the request. Used by the BPMN as
 * {@code ${directiveFanOut}} (the chunks, the jobs' priority and retry cycle) and by the directive's
 * page (the progress).
 */
@Component("directiveFanOut")
public class DirectiveFanOut {

  /** Above every other job (priority 0): the instances of a directive start before reminders are sent. */
  static final long BASE_PRIORITY = 1_000_000L;

  /** The element variable of a chunk's execution: its assignment ids, as {@link #chunksOf} wrote them. */
  static final String FAN_OUT_CHUNK = "fanOutChunk";

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final AssignmentRepository assignments;
  private final JdbcClient jdbc;
  private final String retryCycle;
  private final int chunkSize;

  DirectiveFanOut(ManagementService managementService, RuntimeService runtimeService, AssignmentRepository assignments, JdbcClient jdbc,
      @Value("${cascade.directive.fan-out-retry-cycle:R5/PT1M}") String retryCycle,
      @Value("${cascade.directive.fan-out-chunk:25}") int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("cascade.directive.fan-out-chunk must be at least 1, not " + chunkSize);
    }
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.assignments = assignments;
    this.jdbc = jdbc;
    this.retryCycle = retryCycle;
    this.chunkSize = chunkSize;
  }

  /**
   * The chunks of a directive's fan-out, {@code ${directiveFanOut.chunksOf(directiveId)}}: its
   * assignment ids in the letter's order (item, then agency), {@code cascade.directive.fan-out-chunk}
   * to a chunk, each chunk written as its ids ("101,102,103"). A chunk's ids are fixed when the
   * directive starts, so a retried chunk starts the same assignments, whatever rows came or went since.
   */
  public List<String> chunksOf(Long directiveId) {
    List<Long> ids = assignments.idsOf(directiveId);
    List<String> chunks = new ArrayList<>((ids.size() + chunkSize - 1) / chunkSize);
    for (int from = 0; from < ids.size(); from += chunkSize) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + chunkSize)).stream().map(String::valueOf)
          .collect(Collectors.joining(",")));
    }
    return chunks;
  }

  /**
   * The assignments of one chunk, {@code ${directiveFanOut.assignmentsOf(fanOutChunk)}}: their rows are
   * read in one query and kept for the chunk's transaction, where each instance's start finds its own.
   */
  public List<Long> assignmentsOf(String chunk) {
    List<Long> ids = idsOf(chunk);
    assignments.holdAll(ids);
    return ids;
  }

  /** A chunk's ids, as {@link #chunksOf} wrote them. */
  private static List<Long> idsOf(String chunk) {
    return Arrays.stream(chunk.split(",")).map(Long::valueOf).toList();
  }

  /**
   * The priority of the job starting the n-th chunk (counted from 0): the first assignments of the
   * directive first, in the order the letter gives them (item, then agency).
   */
  public long priorityOf(Integer loopCounter) {
    return BASE_PRIORITY - (loopCounter == null ? 0 : loopCounter);
  }

  /** How a failed start is retried, {@code cascade.directive.fan-out-retry-cycle} (ISO 8601 repetition). */
  public String getRetryCycle() {
    return retryCycle;
  }

  /**
   * How far a directive's fan-out has come: {@code started} of {@code total} assignments have their
   * instance; of the chunks still waiting, {@code failing} failed at least once and are retried by
   * themselves, {@code stalled} have no retry left (an incident an administrator resolves in Cockpit).
   */
  public record Progress(int total, int started, int failing, int stalled) {

    public boolean done() {
      return started >= total;
    }

    /** "đã giao 87/125". */
    public String text() {
      return "đã giao " + started + "/" + total;
    }
  }

  public Progress of(Directive d) {
    int[] counts = jdbc.sql("select count(*), count(process_instance_id) from cascade_assignment where directive_id = :d")
        .param("d", d.id()).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    int total = counts[0];
    int started = counts[1];
    if (started >= total || d.processInstanceId() == null) {
      return new Progress(total, started, 0, 0);
    }
    // A failed chunk is counted by its assignments that have no instance yet (a chunk starts all or none).
    List<Job> failed = managementService.createJobQuery().processInstanceId(d.processInstanceId())
        .activityId(DirectiveProcess.SUBPROCESS_FAN_OUT).withException().listPage(0, DirectiveValidator.MAX_ASSIGNMENTS);
    if (failed.isEmpty()) {
      return new Progress(total, started, 0, 0);
    }
    Map<String, List<Long>> chunkOfExecution = new HashMap<>();
    for (VariableInstance v : runtimeService.createVariableInstanceQuery().variableName(FAN_OUT_CHUNK)
        .executionIdIn(failed.stream().map(Job::getExecutionId).toArray(String[]::new))
        .listPage(0, DirectiveValidator.MAX_ASSIGNMENTS)) {
      if (v.getValue() instanceof String chunk && !chunk.isBlank()) {
        chunkOfExecution.put(v.getExecutionId(), idsOf(chunk));
      }
    }
    Set<Long> waiting = chunkOfExecution.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql(
            "select id from cascade_assignment where id in (:ids) and process_instance_id is null")
        .param("ids", chunkOfExecution.values().stream().flatMap(List::stream).toList()).query(Long.class).list());
    int failing = 0;
    int stalled = 0;
    for (Job job : failed) {
      int unstarted = (int) chunkOfExecution.getOrDefault(job.getExecutionId(), List.of()).stream()
          .filter(waiting::contains).count();
      failing += unstarted;
      stalled += job.getRetries() == 0 ? unstarted : 0;
    }
    return new Progress(total, started, failing, stalled);
  }
}
