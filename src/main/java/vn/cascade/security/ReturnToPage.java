package vn.cascade.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After logging in, back to the page that asked for it, or home ({@code /}). A link to a task in
 * Tasklist ({@code /camunda/app/tasklist/default/#/?task=...}) loses its {@code #...} on the way to
 * the server; the login page sends it along ({@code fragment}, from {@code /cascade/login.js}) and
 * it is put back when the page is a Camunda webapp's, so the person lands on that very task.
 */
class ReturnToPage extends SavedRequestAwareAuthenticationSuccessHandler {

  /** What a webapp route looks like: {@code #/?task=...&filter=...}, nothing that could leave the page. */
  private static final Pattern FRAGMENT = Pattern.compile("#/[A-Za-z0-9/?=&_.%:-]{0,300}");

  private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

  ReturnToPage() {
    requests.setMatchingRequestParameterName(null); // no "?continue" on the page one comes back to
    // Only a page one navigated to is worth coming back to: not an API call, a form's post, a picture.
    requests.setRequestMatcher(request -> "GET".equals(request.getMethod())
        && !SecurityConfig.path(request).startsWith("/camunda/api/")
        && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
        && !SecurityConfig.path(request).startsWith("/cascade/"));
    setDefaultTargetUrl("/");
    setRequestCache(requests);
  }

  /** The cache the page chain saves the asked-for page in, the same this handler reads. */
  HttpSessionRequestCache requestCache() {
    return requests;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws ServletException, IOException {
    SavedRequest saved = requests.getRequest(request, response);
    String fragment = request.getParameter("fragment");
    if (saved != null && fragment != null && FRAGMENT.matcher(fragment).matches()
        && SecurityConfig.path(request, saved.getRedirectUrl()).startsWith("/camunda/app/")) {
      requests.removeRequest(request, response);
      clearAuthenticationAttributes(request);
      getRedirectStrategy().sendRedirect(request, response, saved.getRedirectUrl() + fragment);
      return;
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
