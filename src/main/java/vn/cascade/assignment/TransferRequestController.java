package vn.cascade.assignment;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
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
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.CascadePage;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.CurrentUser;

/**
 * The page where an agency returns an assignment as not within its remit ({@code
 * /assignments/{id}/transfer}), linked from its report form and its rows: the reason, the agency it
 * suggests, a return waiting for Văn phòng UBND's decision and the earlier ones.
 */
@Controller
@CascadePage
class TransferRequestController {

  private final TransferRequests requests;
  private final AssignmentRepository assignments;
  private final TransferRepository transfers;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final CurrentUser user;

  TransferRequestController(TransferRequests requests, AssignmentRepository assignments, TransferRepository transfers,
      DirectiveRepository directives, AgencyDirectory agencies, CurrentUser user) {
    this.requests = requests;
    this.assignments = assignments;
    this.transfers = transfers;
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

  private String name(String code) {
    return code == null ? "" : agencies.find(code).map(Agency::name).orElse(code);
  }

  @GetMapping("/assignments/{id}/transfer")
  String page(@PathVariable long id, Model model) {
    Assignment a = own(id);
    model.addAttribute("assignment", a);
    model.addAttribute("directive", directives.find(a.directiveId()).orElseThrow());
    model.addAttribute("agencyName", name(a.agencyCode()));
    model.addAttribute("deadline", VnDates.before(a.deadline()));
    model.addAttribute("pending", requests.pending(a).map(t -> name(t.suggestedAgency())).orElse(null));
    model.addAttribute("history", transfers.of(a.id()).stream().filter(t -> t.decision() != null).map(t ->
        VnDates.format(t.decidedAt()) + ": " + name(t.fromAgency()) + " — " + t.reason() + " — "
            + (t.moved() ? "chuyển cho " + name(t.toAgency()) : "giữ nguyên")
            + (t.decisionComment() == null || t.decisionComment().isBlank() ? "" : " (" + t.decisionComment() + ")"))
        .toList());
    model.addAttribute("mayRequest", requests.mayRequest(a, user.groups()) && requests.pending(a).isEmpty());
    model.addAttribute("agencies", agencies.executorsOtherThan(a.agencyCode()));
    return "transfer";
  }

  @PostMapping("/assignments/{id}/transfer")
  String request(@PathVariable long id, @RequestParam(name = "transferReason", required = false) String reason,
      @RequestParam(name = "suggestedAgency", required = false) String suggested, RedirectAttributes redirect,
      Model model, HttpServletResponse response) {
    own(id);
    try {
      requests.request(id, reason, suggested, user.userId(), user.groups());
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.problems().get(0).message());
      model.addAttribute("transferReason", reason);
      model.addAttribute("suggestedAgency", suggested);
      return page(id, model);
    }
    redirect.addFlashAttribute("sent", true);
    return "redirect:/assignments/" + id + "/transfer";
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.getMessage());
  }
}
