package vn.cascade.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one login, as the Camunda webapps see it: whoever Spring Security has logged in (Cascade's
 * login page, {@link SecurityConfig}) is the webapps' user. Camunda's container-based
 * authentication filter asks this provider on every request of Tasklist, Cockpit, Admin and
 * Welcome, and loads the user's groups and tenants from the identity service itself.
 *
 * <p>Instantiated by Camunda from its class name (the filter's {@code authentication-provider}
 * parameter), hence public with a public constructor.
 */
public class SpringSessionAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    if (login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken) {
      return AuthenticationResult.unsuccessful();
    }
    return AuthenticationResult.successful(login.getName());
  }

  /** Nothing to add: Spring Security has already sent the browser to the login page, or answered 401. */
  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
  }
}
