package vn.cascade.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.CascadePage;
import vn.cascade.security.CurrentUser;

/** The header every Cascade page shares ({@link CascadePage}), and the Vietnamese page for what cannot be shown. */
@ControllerAdvice(annotations = CascadePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DashboardAdvice {

  private final CurrentUser user;
  private final IdentityService identityService;
  private final AgencyDirectory agencies;

  DashboardAdvice(CurrentUser user, IdentityService identityService, AgencyDirectory agencies) {
    this.user = user;
    this.identityService = identityService;
    this.agencies = agencies;
  }

  @ModelAttribute("me")
  Me me() {
    String id = user.userId();
    User u = id == null ? null : identityService.createUserQuery().userId(id).singleResult();
    String name = u == null ? id : String.join(" ",
        List.of(nonNull(u.getFirstName()), nonNull(u.getLastName()))).strip();
    List<String> own = user.groups().stream().filter(agencies::exists).sorted().map(agencies::shortName).toList();
    return new Me(id, name == null || name.isBlank() ? id : name, own, user.isManager(), user.isAdmin(),
        user.groups().contains("vp-ubnd") || user.isAdmin(), user.isIssuer());
  }

  @ModelAttribute("fmt")
  Fmt fmt() {
    return Fmt.INSTANCE;
  }

  @ExceptionHandler(DashboardException.class)
  String problem(DashboardException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    model.addAttribute("status", e.status().value());
    model.addAttribute("message", e.getMessage());
    model.addAttribute("me", me());
    model.addAttribute("fmt", Fmt.INSTANCE);
    return "dashboard/problem";
  }

  /** {@code /dashboard/directives/abc}: no such page. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badPath(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
    return problem(DashboardException.notFound("Không có trang này."), model, response);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
