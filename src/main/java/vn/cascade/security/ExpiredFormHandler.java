package vn.cascade.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * A page's form sent with a CSRF token that no longer holds: the session it came from ended (the
 * officer left the page open past the session's life, or logged in again in another tab). That is
 * not a missing right, and the officer must learn that nothing was recorded: without a login the
 * login page says so ({@code /login?expired}); with one, the 403 page says to reload and send again
 * ({@link #EXPIRED_FORM}, which {@link Attributes} hands to {@code error/403.html}). Every other
 * refusal is the plain 403, and so is a post that carries HTTP Basic credentials but no token.
 */
class ExpiredFormHandler implements AccessDeniedHandler {

  /** Request attribute, and error attribute of the 403 page. */
  static final String EXPIRED_FORM = "expiredForm";

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    // A program's HTTP Basic post without a token (checked before its credentials are) is no officer's page.
    if (denied instanceof CsrfException && request.getHeader("Authorization") == null) {
      Authentication who = SecurityContextHolder.getContext().getAuthentication();
      if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
        response.sendRedirect(request.getContextPath() + "/login?expired");
        return;
      }
      request.setAttribute(EXPIRED_FORM, Boolean.TRUE);
    }
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }

  /** Spring Boot's error attributes, and whether the refusal was an expired form's. */
  static class Attributes extends DefaultErrorAttributes {
    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
      Map<String, Object> attributes = super.getErrorAttributes(request, options);
      if (Boolean.TRUE.equals(request.getAttribute(EXPIRED_FORM, RequestAttributes.SCOPE_REQUEST))) {
        attributes.put(EXPIRED_FORM, Boolean.TRUE); // only then: every other error body stays as it was
      }
      return attributes;
    }
  }
}
