package vn.cascade.conclusion;

import static vn.cascade.conclusion.PartyConclusionProcess.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.common.ConflictException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.Problems;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;
import vn.cascade.directive.DirectiveValidator;

/** Registers Conclusions and attaches the implementing directive's draft to their process. */
@Service
public class ConclusionService {

  private final ConclusionRepository conclusions;
  private final DirectiveService directives;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  ConclusionService(ConclusionRepository conclusions, DirectiveService directives, RuntimeService runtimeService,
      TaskService taskService) {
    this.conclusions = conclusions;
    this.directives = directives;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  /** Stores the Conclusion and starts its process: Văn phòng UBND's receipt task opens. */
  @Transactional
  public Conclusion register(ConclusionDraft submitted) {
    ConclusionDraft draft = submitted == null ? null : submitted.normalized();
    validate(draft);
    long id = conclusions.insert(draft);
    Map<String, Object> v = new HashMap<>();
    CONCLUSION_ID.put(v, id);
    CONCLUSION_NUMBER.put(v, draft.number());
    // What the BPMN reads (task names, due dates); what the forms show is ConclusionViews, from the tables.
    REPORT_BACK_DEADLINE.put(v, VnDates.dueBeforeAsDate(draft.reportBackDeadline()));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, draft.number(), v);
    conclusions.setProcessInstance(id, pi.getId());
    return get(id);
  }

  /**
   * Attaches the implementing directive's draft (metadata and assignment list) while Văn phòng
   * UBND's drafting task is open; the task's form then shows it.
   */
  @Transactional
  public long attachDirectiveDraft(long conclusionId, DirectiveDraft submitted) {
    if (submitted == null) {
      throw new vn.cascade.common.InvalidInputException("$", "Thiếu nội dung văn bản.");
    }
    DirectiveDraft draft = submitted.normalized();
    Conclusion c = get(conclusionId);
    Task task = draftingTask(c);
    long directiveId = directives.saveDraft(conclusionId, draft.withConclusionNumber(c.number()));
    Map<String, Object> v = new HashMap<>();
    DIRECTIVE_ID.put(v, directiveId);
    DIRECTIVE_NUMBER.put(v, draft.number());
    DIRECTIVE_TITLE.put(v, draft.title());
    DIRECTIVE_DATE.put(v, draft.issuedOn().toString());
    REPORT_DEADLINE.put(v, draft.reportDeadline().toString());
    SUMMARY_DEADLINE.put(v, draft.summaryDeadline().toString());
    runtimeService.setVariables(task.getProcessInstanceId(), v); // the drafting form's fields, filled in
    return directiveId;
  }

  /** A Conclusion whose drafting task is open: the implementing directive's draft may be saved into it. */
  public record Drafting(long conclusionId, String conclusionNumber, String taskId) {

    public String tasklistUrl() {
      return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
  }

  /** The registered Conclusion with this number, when its drafting task is open. */
  public java.util.Optional<Drafting> drafting(String conclusionNumber) {
    if (conclusionNumber == null || conclusionNumber.isBlank()) {
      return java.util.Optional.empty();
    }
    return conclusions.findByNumber(Texts.nfc(conclusionNumber.strip())).flatMap(this::drafting);
  }

  /** The Conclusion's drafting task, when it is open. */
  public java.util.Optional<Drafting> drafting(Conclusion c) {
    if (c.processInstanceId() == null) {
      return java.util.Optional.empty();
    }
    Task task = taskService.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey(TASK_DRAFT_DIRECTIVE).singleResult();
    return java.util.Optional.ofNullable(task).map(t -> new Drafting(c.id(), c.number(), t.getId()));
  }

  /** The assignments of every issued directive implementing this Conclusion that carry the given item. */
  public ConclusionItemTrace trace(long conclusionId, int itemNumber) {
    Conclusion c = get(conclusionId);
    ConclusionDraft.Item item = c.body().items().stream().filter(i -> i.number() != null && i.number() == itemNumber)
        .findFirst().orElseThrow(() -> new NotFoundException("Kết luận " + c.number() + " không có mục " + itemNumber + "."));
    java.util.List<ConclusionItemTrace.Carrier> carriers = new java.util.ArrayList<>();
    for (var d : implementing(c)) {
      var itemsCarrying = d.body().items().stream().filter(i -> i.conclusionItems().contains(itemNumber))
          .map(vn.cascade.directive.DirectiveDraft.Item::number).collect(java.util.stream.Collectors.toSet());
      for (var a : directives.view(d.id()).assignments()) {
        if (itemsCarrying.contains(a.itemNumber())) {
          carriers.add(new ConclusionItemTrace.Carrier(d.id(), d.number(), a.itemNumber(), a.agency(), a.agencyName(),
              a.deadline(), a.status(), a.statusLabel(), a.reportedAt()));
        }
      }
    }
    return new ConclusionItemTrace(c.id(), c.number(), itemNumber, item.text(), carriers);
  }

  /** The issued directives implementing the Conclusion (carrying its number), in the order they were stored. */
  public java.util.List<vn.cascade.directive.Directive> implementing(Conclusion c) {
    return directives.all().stream().filter(d -> c.number().equals(d.body().conclusionNumber())
        && d.status() == vn.cascade.directive.Directive.Status.ISSUED).toList();
  }

  /** The report back as a document: Văn phòng UBND uploads it while its preparing task is open. */
  public static vn.cascade.summary.DocumentSubject reportBackDocument(Conclusion c) {
    return new vn.cascade.summary.DocumentSubject(vn.cascade.summary.DocumentSubject.Kind.CONCLUSION, c.id(),
        c.processInstanceId(), REPORT_BACK_GROUP, TASK_PREPARE_REPORT_BACK);
  }

  public Conclusion get(long id) {
    return conclusions.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy Kết luận có mã " + id + "."));
  }

  public java.util.Optional<Conclusion> find(long id) {
    return conclusions.find(id);
  }

  public java.util.Optional<Conclusion> ofProcessInstance(String processInstanceId) {
    return conclusions.findByProcessInstance(processInstanceId);
  }

  public java.util.Optional<Conclusion> findByNumber(String number) {
    return conclusions.findByNumber(number);
  }

  private Task draftingTask(Conclusion c) {
    Task task = c.processInstanceId() == null ? null : taskService.createTaskQuery()
        .processInstanceId(c.processInstanceId()).taskDefinitionKey(TASK_DRAFT_DIRECTIVE).singleResult();
    if (task == null) {
      throw new ConflictException("Kết luận " + c.number()
          + " không ở bước soạn thảo văn bản triển khai, nên không thể gửi dự thảo lúc này.");
    }
    return task;
  }

  /** Checks a Conclusion as {@link #register} would, without storing or starting anything. */
  public void check(ConclusionDraft submitted) {
    validate(submitted == null ? null : submitted.normalized());
  }

  private void validate(ConclusionDraft d) {
    Problems p = new Problems();
    if (d == null) {
      p.add("$", "Thiếu nội dung Kết luận.").throwIfAny();
    }
    if (p.required("number", d.number(), "Số Kết luận")) {
      if (d.number().length() > DirectiveValidator.MAX_NUMBER) {
        p.maxLength("number", d.number(), DirectiveValidator.MAX_NUMBER, "Số Kết luận");
      } else if (!DirectiveValidator.DOCUMENT_NUMBER.matcher(d.number()).matches()) {
        p.add("number", "Số Kết luận phải có dạng số/ký hiệu, ví dụ 1098-KL/TU.");
      } else if (conclusions.findByNumber(d.number()).isPresent()) {
        p.add("number", "Số Kết luận " + d.number() + " đã tồn tại.");
      }
    }
    p.required("issuedOn", d.issuedOn(), "Ngày ban hành");
    p.dateInRange("issuedOn", d.issuedOn(), "Ngày ban hành");
    p.required("issuer", d.issuer(), "Cơ quan ban hành");
    p.text("issuer", d.issuer(), 300, "Cơ quan ban hành");
    p.required("title", d.title(), "Trích yếu");
    p.text("title", d.title(), 2000, "Trích yếu");
    p.text("place", d.place(), 100, "Địa danh");
    p.text("issuerAgency", d.issuerAgency(), 64, "Mã cơ quan ban hành");
    p.text("signer", d.signer(), 200, "Người ký");
    p.text("signerTitle", d.signerTitle(), 200, "Chức vụ người ký");
    p.text("reportBackTo", d.reportBackTo(), 300, "Nơi nhận báo cáo kết quả");
    LocalDate deadline = d.reportBackDeadline();
    if (p.required("reportBackDeadline", deadline, "Hạn báo cáo kết quả")
        && p.dateInRange("reportBackDeadline", deadline, "Hạn báo cáo kết quả")
        && d.issuedOn() != null && !deadline.isAfter(d.issuedOn())) {
      p.add("reportBackDeadline", "Hạn báo cáo kết quả phải sau ngày ban hành Kết luận.");
    }
    if (p.maxSize("recipients", d.recipients(), DirectiveValidator.MAX_LIST_ENTRIES, "Danh sách nơi nhận")) {
      for (int i = 0; i < d.recipients().size(); i++) {
        p.text("recipients[" + i + "]", d.recipients().get(i), 300, "Nơi nhận");
      }
    }
    if (d.items().isEmpty()) {
      p.add("items", "Kết luận phải có ít nhất một nhiệm vụ.");
    }
    if (!p.maxSize("items", d.items(), DirectiveValidator.MAX_ITEMS, "Kết luận")) {
      p.throwIfAny();
    }
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < d.items().size(); i++) {
      ConclusionDraft.Item item = d.items().get(i);
      if (item == null || item.number() == null || item.number() < 1) {
        p.add("items[" + i + "].number", "Số thứ tự nhiệm vụ phải là số nguyên dương.");
      } else if (!numbers.add(item.number())) {
        p.add("items[" + i + "].number", "Số thứ tự nhiệm vụ " + item.number() + " bị trùng.");
      }
      if (item == null || Texts.isBlank(item.text())) {
        p.add("items[" + i + "].text", "Nội dung nhiệm vụ là bắt buộc.");
      } else {
        p.multiLineText("items[" + i + "].text", item.text(), 4000, "Nội dung nhiệm vụ");
      }
    }
    p.throwIfAny();
  }

  static String itemsText(ConclusionDraft d) {
    int per = Math.max(60, (Texts.MAX_STRING_VARIABLE - 100) / Math.max(1, d.items().size()) - 8);
    return Texts.fitVariable(d.items().stream()
        .map(i -> i.number() + ". " + Texts.abbreviate(i.text(), per))
        .collect(Collectors.joining("\n")));
  }
}
