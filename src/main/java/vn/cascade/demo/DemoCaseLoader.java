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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** The case file, for messages. */
  Resource file() {
    return file;
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
  public Conclusion load(DemoCase seed, LocalDate directiveIssuedOn) {
    long shift = ChronoUnit.DAYS.between(seed.directive().issuedOn(), directiveIssuedOn);
    DemoCase demo = withDatesInTextsShifted(seed, shift);
    Conclusion c = transaction.execute(status -> advance(demo, shift));
    LOG.info("Demo loaded: {} and {} issued {}, reports due {}", demo.conclusion().number(),
        demo.directive().number(), VnDates.format(directiveIssuedOn),
        VnDates.before(demo.directive().reportDeadline().plusDays(shift)));
    return c;
  }

  /** A date written in a text of the seed: "trước ngày 15/8/2020", "ngày 16/7/2020". */
  private static final Pattern TEXT_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})\\b");

  /**
   * The seed's texts carry the letters' own dates ("báo cáo ... trước ngày 15/8/2020"). The demo
   * shifts every date field to today; the same dates inside texts move with them, so that a task
   * never says "trước ngày 15/08/2020" beside a deadline of December 2026. Written dd/MM/yyyy.
   */
  static DemoCase withDatesInTextsShifted(DemoCase seed, long days) {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    com.fasterxml.jackson.databind.JsonNode tree = json.valueToTree(seed);
    shiftTexts(tree, days);
    try {
      return json.treeToValue(tree, DemoCase.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String shiftDates(String text, long days) {
    Matcher m = TEXT_DATE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      try {
        replacement = VnDates.format(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(1))).plusDays(days));
      } catch (java.time.DateTimeException notADate) {
        replacement = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void shiftTexts(com.fasterxml.jackson.databind.JsonNode node, long days) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> {
        com.fasterxml.jackson.databind.JsonNode child = object.get(name);
        if (child.isTextual()) {
          object.put(name, shiftDates(child.asText(), days));
        } else {
          shiftTexts(child, days);
        }
      });
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, shiftDates(array.get(i).asText(), days));
        } else {
          shiftTexts(array.get(i), days);
        }
      }
    }
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
