package vn.cascade.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The one Vietnamese login page, for Cascade's pages and the Camunda webapps alike. */
@Controller
class LoginController {

  static final String WRONG_PASSWORD = "Tên đăng nhập hoặc mật khẩu không đúng.";

  @GetMapping("/login")
  String login(HttpSession session, Model model) {
    // A throttled try says how long to wait; any other failure says only that the pair is wrong.
    Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    model.addAttribute("loginProblem", failure instanceof LockedException locked ? locked.getMessage() : WRONG_PASSWORD);
    return "login";
  }
}
