package vn.cascade.assignment;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.CurrentUser;

/**
 * The page where an agency whose accepted report said <em>Đang thực hiện</em> sends a later update
 * marking the work completed ({@code /assignments/{id}/update}): the report's timing, the work status
 * it declares, the versions so far, and the update itself.
 */
@Controller
@vn.cascade.common.CascadePage
class LaterUpdateController {

  private final LaterUpdates updates;
  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final CurrentUser user;
  private final Clock clock;

  LaterUpdateController(LaterUpdates updates, AssignmentRepository assignments, DirectiveRepository directives,
      AgencyDirectory agencies, CurrentUser user, Clock clock) {
    this.updates = updates;
    this.assignments = assignments;
    this.directives = directives;
    this.agencies = agencies;
    this.user = user;
    this.clock = clock;
  }

  private Assignment visible(long id) {
    Assignment a = assignments.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ."));
    if (!user.groups().contains(a.agencyCode()) && !user.isManager()) {
      throw new NotFoundException("Không tìm thấy nhiệm vụ.");
    }
    return a;
  }

  @GetMapping("/assignments/{id}/update")
  String page(@PathVariable long id, Model model) {
    Assignment a = visible(id);
    model.addAttribute("assignment", a);
    model.addAttribute("directive", directives.find(a.directiveId()).orElseThrow());
    model.addAttribute("agencyName", agencies.get(a.agencyCode()).name());
    model.addAttribute("deadline", VnDates.before(a.deadline()));
    model.addAttribute("timing", a.status(clock.instant()).label()
        + (a.reportedAt() == null ? "" : " (nộp ngày " + VnDates.format(a.reportedAt()) + ")"));
    model.addAttribute("workStatus", a.reported() ? WorkStatus.label(a.report()) : "");
    model.addAttribute("versions", assignments.versions(a.id()).stream().map(v -> Map.of(
        "no", "Lần " + v.version(),
        "at", VnDates.formatWithTime(v.submittedAt()),
        "by", v.submittedBy() == null ? "" : agencies.find(v.submittedBy()).map(x -> x.name()).orElse(v.submittedBy()),
        "kind", AssignmentRepository.LATER_UPDATE.equals(v.reviewDecision()) ? "cập nhật sau"
            : Assignment.ACCEPTED.equals(v.reviewDecision()) ? "báo cáo, đã chấp nhận"
            : Assignment.RETURNED.equals(v.reviewDecision()) ? "báo cáo, bị trả lại" : "báo cáo, chờ xem xét",
        "work", WorkStatus.label(v.report()),
        "text", v.report().getOrDefault(LaterUpdates.UPDATE_TEXT, "").toString())).toList());
    model.addAttribute("mayUpdate", updates.mayUpdate(a, user.groups()));
    model.addAttribute("maxText", LaterUpdates.MAX_TEXT);
    return "update";
  }

  @PostMapping("/assignments/{id}/update")
  String update(@PathVariable long id, @RequestParam(name = "updateText", required = false) String text,
      RedirectAttributes redirect, Model model, HttpServletResponse response) {
    visible(id);
    try {
      updates.complete(id, text, user.userId(), user.groups());
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.problems().get(0).message());
      model.addAttribute("updateText", text);
      return page(id, model);
    }
    redirect.addFlashAttribute("sent", true);
    return "redirect:/assignments/" + id + "/update";
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<String> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.getMessage());
  }
}
