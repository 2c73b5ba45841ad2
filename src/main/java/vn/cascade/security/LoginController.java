package vn.cascade.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Vietnamese login page of Cascade's own pages (the Camunda webapps have theirs). */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
