package vn.cascade.assignment;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import vn.cascade.common.CascadePage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.CurrentUser;

/**
 * The page where an agency asks for more time ({@code /assignments/{id}/extension}), linked from its
 * report form: the deadline in force, a request waiting for a decision, the last decision, and the
 * request itself (the new date and the reason).
 */
@Controller
@CascadePage
class ExtensionRequestController {

  private final ExtensionRequests requests;
  private final AssignmentRepository assignments;
  private final ExtensionRepository extensions;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final CurrentUser user;

  ExtensionRequestController(ExtensionRequests requests, AssignmentRepository assignments,
      ExtensionRepository extensions, DirectiveRepository directives, AgencyDirectory agencies, CurrentUser user) {
    this.requests = requests;
    this.assignments = assignments;
    this.extensions = extensions;
    this.directives = directives;
    this.agencies = agencies;
    this.user = user;
  }

  private Assignment own(long id) {
    Assignment a = assignments.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ."));
    if (!user.groups().contains(a.agencyCode()) && !user.isManager()) {
      throw new NotFoundException("Không tìm thấy nhiệm vụ.");
    }
    return a;
  }

  @GetMapping("/assignments/{id}/extension")
  String page(@PathVariable long id, Model model) {
    Assignment a = own(id);
    model.addAttribute("assignment", a);
    model.addAttribute("directive", directives.find(a.directiveId()).orElseThrow());
    model.addAttribute("agencyName", agencies.get(a.agencyCode()).name());
    model.addAttribute("deadline", VnDates.before(a.deadline()));
    model.addAttribute("originalDeadline", a.originalDeadline() != null && !a.originalDeadline().equals(a.deadline())
        ? VnDates.before(a.originalDeadline()) : null);
    model.addAttribute("pending", requests.pending(a).map(e -> VnDates.format(e.requestedDeadline())).orElse(null));
    model.addAttribute("history", extensions.of(a.id()).stream().filter(e -> e.decision() != null).map(e ->
        VnDates.format(e.requestedAt()) + ": xin đến " + VnDates.format(e.requestedDeadline()) + " — "
            + (AgencyAssignmentProcess.EXTENSION_REFUSE.equals(e.decision()) ? "không đồng ý"
            : "đồng ý gia hạn " + VnDates.before(e.approvedDeadline()))
            + (e.decisionComment() == null || e.decisionComment().isBlank() ? "" : " (" + e.decisionComment() + ")"))
        .toList());
    model.addAttribute("mayRequest", requests.mayRequest(a, user.groups()) && requests.pending(a).isEmpty());
    model.addAttribute("today", VnDates.today().plusDays(1).toString());
    return "extension";
  }

  @PostMapping("/assignments/{id}/extension")
  String request(@PathVariable long id, @RequestParam(name = "requestedDeadline", required = false) String date,
      @RequestParam(name = "extensionReason", required = false) String reason, RedirectAttributes redirect,
      Model model, HttpServletResponse response) {
    own(id);
    try {
      requests.request(id, date, reason, user.userId(), user.groups());
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.problems().get(0).message());
      model.addAttribute("requestedDeadline", date);
      model.addAttribute("extensionReason", reason);
      return page(id, model);
    }
    redirect.addFlashAttribute("sent", true);
    return "redirect:/assignments/" + id + "/extension";
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.getMessage());
  }
}
