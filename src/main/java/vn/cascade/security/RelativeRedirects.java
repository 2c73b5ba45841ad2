package vn.cascade.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects of Cascade's pages never carry the Host header a request claimed. Spring Security
 * builds absolute URLs from it (to the login page, back to the page asked for after logging in),
 * so {@code Host: evil.example} would be sent back as {@code Location: http://evil.example/login}.
 * An absolute redirect to the request's own host is sent relative instead ({@code /login}), which
 * the browser resolves against the address it really used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RelativeRedirects extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Every page a browser opens: Cascade's and the webapps' (sent to the login page from there too).
    String path = SecurityConfig.path(request);
    return path.startsWith("/engine-rest/") || path.startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      /** As Tomcat's, but without making the location absolute again (Spring Boot's Tomcat does that from Host). */
      @Override
      public void sendRedirect(String location) throws IOException {
        resetBuffer();
        setStatus(HttpServletResponse.SC_FOUND);
        setHeader("Location", relative(location, request.getServerName()));
        flushBuffer();
      }
    });
  }

  /** {@code http://host:port/path?query} to {@code /path?query} when host is the request's own. */
  static String relative(String location, String requestHost) {
    int scheme = location.indexOf("://");
    if (scheme < 0 || !location.regionMatches(true, 0, "http", 0, 4)) {
      return location;
    }
    int path = location.indexOf('/', scheme + 3);
    String authority = location.substring(scheme + 3, path < 0 ? location.length() : path);
    String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d+$", "");
    if (!host.toLowerCase(Locale.ROOT).equals(requestHost.toLowerCase(Locale.ROOT))) {
      return location;
    }
    return path < 0 ? "/" : location.substring(path);
  }
}
