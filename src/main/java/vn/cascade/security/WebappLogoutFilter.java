package vn.cascade.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * *Đăng xuất* in Tasklist, Cockpit, Admin or Welcome ends the one session, not only the webapps'
 * part of it. Their logout ({@code POST /camunda/api/admin/auth/user/{engine}/logout}) goes through
 * Camunda's CSRF check and removes Camunda's authentication; once it answered 2xx, this filter
 * invalidates the HTTP session, which holds Spring Security's login too. The webapp then shows its
 * login route, which Cascade's script ({@code assets/cascade/one-login.js}) turns into Cascade's
 * login page.
 */
class WebappLogoutFilter extends OncePerRequestFilter {

  static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && request.getRequestURI()
        .substring(request.getContextPath().length()).matches("/camunda/api/admin/auth/user/[^/]+/logout/?"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() / 100 == 2) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
    }
  }
}
