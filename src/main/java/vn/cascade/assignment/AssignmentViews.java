package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;
import static vn.cascade.common.Markdown.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.attachment.AttachmentRepository;
import vn.cascade.common.TaskViews;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveRepository;

/**
 * What the forms of an assignment's tasks show, from Cascade's tables: the item and its bullets,
 * the deadline in force, a return's reason, the extension decision, the contributions, the
 * attached files (links Cascade builds) and, for the reviewer, the report. A coordinating agency's
 * view holds the assignment's public text and its own bullets only: never the lead's draft or
 * anyone's contact details.
 */
@Component
class AssignmentViews implements TaskViews {

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final ContributionRepository contributions;
  private final ExtensionRepository extensions;
  private final TransferRepository transfers;
  private final AttachmentRepository attachments;
  private final ContributionPlan plan;
  private final TaskService taskService;

  AssignmentViews(AssignmentRepository assignments, DirectiveRepository directives, AgencyDirectory agencies,
      ContributionRepository contributions, ExtensionRepository extensions, AttachmentRepository attachments,
      ContributionPlan plan, TaskService taskService, TransferRepository transfers) {
    this.transfers = transfers;
    this.assignments = assignments;
    this.directives = directives;
    this.agencies = agencies;
    this.contributions = contributions;
    this.extensions = extensions;
    this.attachments = attachments;
    this.plan = plan;
    this.taskService = taskService;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public Map<String, Object> of(Task task) {
    Assignment a = assignments.ofProcessInstance(task.getProcessInstanceId()).orElse(null);
    if (a == null) {
      return Map.of();
    }
    Directive d = directives.find(a.directiveId()).orElseThrow();
    DirectiveDraft.Item item = d.body().items().stream().filter(i -> i.number() == a.itemNumber()).findFirst()
        .orElseThrow();
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> view = new LinkedHashMap<>();
    values.put(VIEW, view);
    switch (task.getTaskDefinitionKey()) {
      case TASK_REPORT_RESULTS -> {
        assignment(view, a, d, item);
        returned(view, a).ifPresent(version -> values.putAll(version.report()));
        extensionDecision(view, a);
        view.put("extensionUrl", "/assignments/" + a.id() + "/extension");
        transfer(view, a);
        contributionsOf(view, a, item);
        files(view, a);
      }
      case TASK_REVIEW_REPORT -> {
        assignment(view, a, d, item);
        report(view, a);
        contributionsOf(view, a, item);
        files(view, a);
      }
      case TASK_DECIDE_EXTENSION -> {
        assignment(view, a, d, item);
        view.put("summaryDeadlineText", text(VnDates.before(d.summaryDeadline())));
        extensions.pending(a.id()).ifPresent(e -> {
          view.put("requestedDeadlineText", text(VnDates.before(e.requestedDeadline())));
          view.put("extensionReason", text(e.reason()));
        });
      }
      case TASK_DECIDE_TRANSFER -> {
        assignment(view, a, d, item);
        List<Map<String, Object>> options = new ArrayList<>();
        for (vn.cascade.agency.Agency agency : agencies.executorsOtherThan(a.agencyCode())) {
          options.add(Map.of("label", agency.name(), "value", agency.code()));
        }
        view.put("agencyOptions", options);
        transfers.pending(a.id()).ifPresent(t -> {
          view.put("transferReason", text(t.reason()));
          view.put("suggestedAgencyName", text(agencies.find(t.suggestedAgency()).map(x -> x.name())
              .orElse(t.suggestedAgency())));
          // The form opens with the suggested agency chosen; the decision checks whatever is sent.
          values.put(TRANSFER_AGENCY.name(), t.suggestedAgency());
        });
      }
      case TASK_CONTRIBUTE -> contribution(view, a, d, item, task);
      default -> {
        return Map.of();
      }
    }
    return values;
  }

  private void assignment(Map<String, Object> view, Assignment a, Directive d, DirectiveDraft.Item item) {
    view.put("directiveNumber", text(d.number()));
    view.put("directiveTitle", text(d.title()));
    view.put("itemNumber", a.itemNumber());
    view.put("agencyName", text(agencies.get(a.agencyCode()).name()));
    view.put("dueDateText", text(VnDates.before(a.deadline())));
    if (a.originalDeadline() != null && !a.originalDeadline().equals(a.deadline())) {
      view.put("originalDueDateText", text(VnDates.before(a.originalDeadline())));
    }
    view.put("assignmentText", text(assignmentText(d, item)));
    String coordinating = coordinatingText(item.bullets());
    if (coordinating != null) {
      view.put("coordinatingText", text(coordinating));
    }
    List<DirectiveDraft.Bullet> bullets = item.bullets();
    List<Map<String, Object>> list = new ArrayList<>();
    for (int n = 1; n <= Math.min(bullets.size(), MAX_BULLETS); n++) {
      view.put("bullet" + n, text(bullets.get(n - 1).text()));
      Map<String, Object> bullet = new LinkedHashMap<>();
      bullet.put("n", n);
      bullet.put("text", text(bullets.get(n - 1).text()));
      list.add(bullet);
    }
    view.put("bullets", list);
    view.put("bulletCount", list.size());
  }

  private java.util.Optional<AssignmentRepository.ReportVersion> returned(Map<String, Object> view, Assignment a) {
    if (!Assignment.RETURNED.equals(a.reviewStatus())) {
      return java.util.Optional.empty();
    }
    List<AssignmentRepository.ReportVersion> versions = assignments.versions(a.id());
    AssignmentRepository.ReportVersion last = versions.get(versions.size() - 1);
    view.put("returnReason", text(last.reviewComment()));
    return java.util.Optional.of(last);
  }

  private void extensionDecision(Map<String, Object> view, Assignment a) {
    List<ExtensionRepository.Extension> all = extensions.of(a.id());
    for (int i = all.size() - 1; i >= 0; i--) {
      ExtensionRepository.Extension e = all.get(i);
      if (e.decision() == null) {
        view.put("extensionPendingText", text("Đang chờ quyết định gia hạn đến " + VnDates.format(e.requestedDeadline())
            + "."));
        continue;
      }
      String comment = e.decisionComment() == null || e.decisionComment().isBlank() ? "" : ": " + e.decisionComment();
      view.put("extensionDecisionText", text(EXTENSION_REFUSE.equals(e.decision())
          ? "Không đồng ý gia hạn đến " + VnDates.format(e.requestedDeadline()) + (comment.isEmpty() ? "." : comment)
          : "Đồng ý gia hạn: " + VnDates.before(e.approvedDeadline()) + (comment.isEmpty() ? "." : ". " + e.decisionComment())));
      return;
    }
  }

  private void transfer(Map<String, Object> view, Assignment a) {
    List<TransferRepository.Transfer> all = transfers.of(a.id());
    for (int i = all.size() - 1; i >= 0; i--) {
      TransferRepository.Transfer t = all.get(i);
      if (t.decision() == null) {
        view.put("transferPendingText", text("Đã báo không đúng thẩm quyền, đề nghị chuyển cho "
            + agencies.find(t.suggestedAgency()).map(x -> x.name()).orElse(t.suggestedAgency())
            + "; đang chờ Văn phòng UBND tỉnh quyết định."));
      } else if (t.moved() && t.toAgency().equals(a.agencyCode())) {
        view.put("transferredFromText", text("Nhiệm vụ được chuyển từ "
            + agencies.find(t.fromAgency()).map(x -> x.name()).orElse(t.fromAgency())
            + " ngày " + VnDates.format(t.decidedAt()) + " (lý do: " + t.reason() + ")."));
        break;
      } else if (TRANSFER_KEEP.equals(t.decision())) {
        view.put("transferDecisionText", text("Văn phòng UBND tỉnh giữ nguyên cơ quan thực hiện: " + t.decisionComment()));
        break;
      }
    }
    if (!a.inReview()) {
      view.put("transferUrl", "/assignments/" + a.id() + "/transfer");
    }
  }

  private void contributionsOf(Map<String, Object> view, Assignment a, DirectiveDraft.Item item) {
    if (!ContributionPlan.agenciesOf(a, item).isEmpty()) {
      view.put("contributionsText", text(plan.contributionsText(a, item)));
    }
  }

  private void files(Map<String, Object> view, Assignment a) {
    view.put("attachmentUrl", "/assignments/" + a.id() + "/attachments");
    List<Map<String, Object>> files = new ArrayList<>();
    for (AttachmentRepository.Attachment f : attachments.of(a.id())) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("name", text(f.fileName()));
      file.put("url", "/assignments/" + a.id() + "/attachments/" + f.id());
      file.put("size", f.sizeText());
      file.put("uploadedAt", VnDates.formatWithTime(f.uploadedAt()));
      files.add(file);
    }
    view.put("attachments", files);
    view.put("attachmentCount", files.size());
  }

  @SuppressWarnings("unchecked")
  private void report(Map<String, Object> view, Assignment a) {
    List<AssignmentRepository.ReportVersion> versions = assignments.versions(a.id());
    if (versions.isEmpty()) {
      return;
    }
    AssignmentRepository.ReportVersion last = versions.get(versions.size() - 1);
    Map<String, Object> r = last.report();
    Map<String, Object> report = new LinkedHashMap<>();
    for (Map<String, Object> bullet : (List<Map<String, Object>>) view.get("bullets")) {
      Object result = r.get(bulletResult((Integer) bullet.get("n")).name());
      bullet.put("result", result == null ? "" : text(result.toString()));
      report.put("bullet" + bullet.get("n") + "Result", bullet.get("result"));
    }
    for (String key : List.of(OVERALL_RESULT.name(), DIFFICULTIES.name(), PROPOSALS.name(), CONTACT_PERSON.name(),
        CONTACT_PHONE.name())) {
      Object v = r.get(key);
      report.put(key, v == null ? "" : text(v.toString()));
    }
    Object status = r.get(COMPLETION_STATUS.name());
    report.put("completionStatusText", STATUS_COMPLETED.equals(status) ? "Đã hoàn thành"
        : STATUS_IN_PROGRESS.equals(status) ? "Đang thực hiện" : "");
    report.put("version", last.version());
    report.put("submittedAt", VnDates.formatWithTime(last.submittedAt()));
    report.put("submittedBy", last.submittedBy() == null ? "" : text(agencies.find(last.submittedBy())
        .map(x -> x.name()).orElse(last.submittedBy())));
    view.put("report", report);
  }

  private void contribution(Map<String, Object> view, Assignment a, Directive d, DirectiveDraft.Item item, Task task) {
    String contributor = RecordContributionListener.candidateGroup(taskService.getIdentityLinksForTask(task.getId()))
        .orElse(null);
    view.put("directiveNumber", text(d.number()));
    view.put("itemNumber", a.itemNumber());
    view.put("leadAgencyName", text(agencies.get(a.agencyCode()).name()));
    if (contributor != null) {
      view.put("contributorName", text(agencies.find(contributor).map(x -> x.name()).orElse(contributor)));
      view.put("contributionBulletsText", text(plan.bulletsFor(item, contributor)));
    }
    if (task.getDueDate() != null) {
      view.put("contributionDueText", text(VnDates.format(task.getDueDate().toInstant())));
    }
  }

  static String assignmentText(Directive d, DirectiveDraft.Item item) {
    StringBuilder b = new StringBuilder();
    b.append(item.number()).append(". ").append(item.heading() == null ? "" : item.heading());
    if (!item.conclusionItems().isEmpty() && d.body().conclusionNumber() != null) {
      b.append("\n(Thực hiện mục ")
          .append(item.conclusionItems().stream().map(String::valueOf).collect(Collectors.joining(", ")))
          .append(" của Kết luận số ").append(d.body().conclusionNumber()).append(')');
    }
    if (d.body().reportInstruction() != null) {
      b.append("\n\n").append(d.body().reportInstruction());
    }
    return b.toString();
  }

  private String coordinatingText(List<DirectiveDraft.Bullet> bullets) {
    StringBuilder b = new StringBuilder();
    for (int n = 1; n <= bullets.size(); n++) {
      List<String> coordinating = bullets.get(n - 1).coordinating();
      if (!coordinating.isEmpty()) {
        if (!b.isEmpty()) {
          b.append('\n');
        }
        b.append("Nội dung ").append(n).append(": chủ trì, phối hợp với ")
            .append(coordinating.stream().map(agencies::shortName).collect(Collectors.joining(", ")));
      }
    }
    return b.isEmpty() ? null : b.toString();
  }
}
