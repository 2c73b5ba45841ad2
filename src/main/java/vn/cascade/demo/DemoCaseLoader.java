package vn.cascade.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cascade.common.VnDates;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.conclusion.PartyConclusionProcess;
import vn.cascade.directive.DirectiveDraft;

/**
 * Loads the demo case and advances its Conclusion's process to where the directive is issued,
 * with dates shifted so that the directive is issued today and the seed's intervals are kept.
 */
@Component
public class DemoCaseLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCaseLoader.class);

  private final Resource file;
  private final ConclusionService conclusions;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;

  DemoCaseLoader(@Value("${cascade.demo.case}") Resource file, ConclusionService conclusions,
      TaskService taskService, IdentityService identityService, TransactionTemplate transaction) {
    this.file = file;
    this.conclusions = conclusions;
    this.taskService = taskService;
    this.identityService = identityService;
    this.transaction = transaction;
  }

  public DemoCase read() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = file.getInputStream()) {
      return yaml.readValue(in, DemoCase.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo case " + file, e);
    }
  }

  /** Loads the case unless its Conclusion is already registered; returns the Conclusion. */
  public Conclusion loadIfAbsent(LocalDate directiveIssuedOn) {
    DemoCase demo = read();
    return conclusions.findByNumber(demo.conclusion().number()).orElseGet(() -> load(demo, directiveIssuedOn));
  }

  /** Registers the case's Conclusion and advances it until its directive is issued on the given day. */
  public Conclusion load(DemoCase demo, LocalDate directiveIssuedOn) {
    long shift = ChronoUnit.DAYS.between(demo.directive().issuedOn(), directiveIssuedOn);
    Conclusion c = transaction.execute(status -> advance(demo, shift));
    LOG.info("Demo loaded: {} and {} issued {}, reports due {}", demo.conclusion().number(),
        demo.directive().number(), VnDates.format(directiveIssuedOn),
        VnDates.before(demo.directive().reportDeadline().plusDays(shift)));
    return c;
  }

  private Conclusion advance(DemoCase demo, long shift) {
    Conclusion c = conclusions.register(demo.conclusion().shiftedBy(shift));
    complete(c, PartyConclusionProcess.TASK_RECORD_RECEIPT, "vp-ubnd", Map.of(
        PartyConclusionProcess.INCOMING_NUMBER.name(), demo.receipt().incomingNumber(),
        PartyConclusionProcess.INCOMING_DATE.name(), demo.receipt().receivedOn().plusDays(shift).toString()));
    DirectiveDraft directive = demo.directive().shiftedBy(shift);
    conclusions.attachDirectiveDraft(c.id(), directive);
    complete(c, PartyConclusionProcess.TASK_DRAFT_DIRECTIVE, "vp-ubnd", Map.of());
    complete(c, PartyConclusionProcess.TASK_APPROVE_DIRECTIVE, "lanh-dao-ubnd", Map.of(
        PartyConclusionProcess.DIRECTIVE_DECISION.name(), PartyConclusionProcess.DECISION_APPROVE,
        PartyConclusionProcess.APPROVAL_COMMENT.name(), "Đồng ý ban hành."));
    return conclusions.get(c.id());
  }

  private void complete(Conclusion c, String taskKey, String user, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey(taskKey).singleResult();
    identityService.setAuthentication(user, java.util.List.of(user));
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
