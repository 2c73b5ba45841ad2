package vn.cascade.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cascade.common.CascadePage;
import vn.cascade.security.CurrentUser;

/**
 * Where everyone lands after logging in ({@code /}): an agency's people see *Việc của đơn vị*,
 * managers (Văn phòng UBND, Sở KH&ĐT, the leadership, administrators) their dashboard.
 */
@Controller
@CascadePage
class HomeController {

  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

  private final AgencyWork work;
  private final CurrentUser user;

  HomeController(AgencyWork work, CurrentUser user) {
    this.work = work;
    this.user = user;
  }

  @GetMapping("/")
  String home(Model model) {
    if (user.isManager()) {
      return "redirect:/dashboard";
    }
    model.addAttribute("active", "home");
    model.addAttribute("lines", work.of(user.groups()));
    model.addAttribute("tasklistTask", TASKLIST_TASK);
    return "home";
  }
}
