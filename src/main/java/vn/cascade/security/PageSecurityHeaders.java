package vn.cascade.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content-Security-Policy and Referrer-Policy on Cascade's own pages (dashboards, Hộp thư đi,
 * attachments, the intake pages, login). The pages have no script and take their styles from
 * /cascade/*.css only (charts are inline SVG, no style attributes), so the policy allows exactly that. The Camunda
 * webapps under /camunda/** send their own policy and are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class PageSecurityHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  static final String REFERRER_POLICY = "same-origin";

  /** The paths of Cascade's own pages, as SecurityConfig's page chain protects them. */
  static boolean isCascadePage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/") || path.equals("/dashboard") || path.startsWith("/dashboard/") || path.equals("/outbox")
        || path.startsWith("/outbox/") || path.startsWith("/assignments/") || path.startsWith("/intake/")
        || path.equals("/login") || path.equals("/logout");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isCascadePage(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("Referrer-Policy", REFERRER_POLICY);
    chain.doFilter(request, response);
  }
}
