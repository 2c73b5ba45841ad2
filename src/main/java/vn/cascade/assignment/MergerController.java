package vn.cascade.assignment;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.CascadePage;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.CurrentUser;

/**
 * The administrators' page of mergers ({@code /admin/transfers}): choose the agency that merges and
 * its successor, see the open assignments that would move, confirm. Only {@code camunda-admin}.
 */
@Controller
@CascadePage
class MergerController {

  private final AgencyMergers mergers;
  private final AgencyDirectory agencies;
  private final DirectiveRepository directives;
  private final CurrentUser user;

  MergerController(AgencyMergers mergers, AgencyDirectory agencies, DirectiveRepository directives, CurrentUser user) {
    this.mergers = mergers;
    this.agencies = agencies;
    this.directives = directives;
    this.user = user;
  }

  private void admin() {
    if (!user.isAdmin()) {
      throw new ForbiddenException("Chỉ quản trị viên (camunda-admin) được chuyển nhiệm vụ khi sáp nhập cơ quan.");
    }
  }

  @GetMapping("/admin/transfers")
  String page(@RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
    admin();
    model.addAttribute("agencies", agencies.all().stream().sorted(Agency.BY_NAME).toList());
    model.addAttribute("successors", agencies.active().stream().sorted(Agency.BY_NAME).toList());
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    if (from != null && to != null && !model.containsAttribute("error")) {
      try {
        List<Assignment> open = mergers.preview(from, to);
        model.addAttribute("fromName", agencies.get(from).name());
        model.addAttribute("toName", agencies.get(to).name());
        model.addAttribute("open", open.stream().map(a -> directives.find(a.directiveId()).map(d -> d.number())
            .orElse("") + " — nhiệm vụ " + a.itemNumber() + " — " + VnDates.before(a.deadline())).toList());
      } catch (InvalidInputException e) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", e.problems().get(0).message());
      }
    }
    return "admin-transfers";
  }

  @PostMapping("/admin/transfers")
  String merge(@RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    admin();
    try {
      AgencyMergers.Result result = mergers.merge(from, to, user.userId());
      redirect.addFlashAttribute("done", "Đã chuyển " + result.moved().size() + " nhiệm vụ của "
          + agencies.get(from).name() + " cho " + agencies.get(to).name() + ".");
      redirect.addFlashAttribute("skipped", result.skipped());
      return "redirect:/admin/transfers";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.problems().get(0).message());
      return page(from, to, model, response);
    }
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<String> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.getMessage());
  }
}
