package vn.cascade.dashboard;

import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cascade.common.CascadePage;
import vn.cascade.directive.Directive;
import vn.cascade.security.CurrentUser;

/**
 * The collector's workspace ({@code /dashboard/directives/{id}/workspace}): every report of one
 * directive in full, for the agency that collects them (Tổng hợp báo cáo), Văn phòng UBND, the
 * UBND leadership and administrators. Linked from the collection task's form and the directive's
 * page.
 */
@Controller
@CascadePage
@RequestMapping("/dashboard")
class WorkspaceController {

  /** Who may open any directive's workspace, beside the directive's own collecting agency. */
  static final Set<String> ALWAYS = Set.of("vp-ubnd", "lanh-dao-ubnd", "camunda-admin");

  private final DashboardQuery query;
  private final WorkspaceQuery workspace;
  private final CurrentUser user;

  WorkspaceController(DashboardQuery query, WorkspaceQuery workspace, CurrentUser user) {
    this.query = query;
    this.workspace = workspace;
    this.user = user;
  }

  @GetMapping("/directives/{id}/workspace")
  String workspace(@PathVariable long id, @RequestParam(required = false) String item,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String status, Model model) {
    Directive d = query.directive(id);
    if (!mayOpen(user, d)) {
      throw DashboardException.forbidden("Hồ sơ tổng hợp báo cáo của văn bản " + d.number()
          + " chỉ dành cho cơ quan tổng hợp (" + query.agency(d.collectingAgency()).map(a -> a.shortName())
              .orElse(d.collectingAgency())
          + "), Văn phòng UBND tỉnh, lãnh đạo UBND tỉnh và quản trị hệ thống.");
    }
    WorkspacePage page = workspace.workspace(d, item, agency, status);
    model.addAttribute("page", page);
    model.addAttribute("d", d);
    model.addAttribute("now", query.now());
    model.addAttribute("active", "directives");
    return "dashboard/workspace";
  }

  /** The directive's collecting agency, Văn phòng UBND, the UBND leadership, administrators. */
  static boolean mayOpen(CurrentUser user, Directive d) {
    Set<String> groups = user.groups();
    return groups.contains(d.collectingAgency()) || groups.stream().anyMatch(ALWAYS::contains);
  }
}
