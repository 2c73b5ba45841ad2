package vn.cascade.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link LoginThrottle} in front of the logins Camunda checks itself: HTTP Basic on
 * {@code /engine-rest/*} and Tasklist's (Cockpit's, Welcome's) login form
 * {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. A throttled try gets 429 without its
 * password being checked; afterwards a 401 counts as a wrong password and a 2xx as the right one
 * (other answers say nothing about the password). Registered in {@link SecurityConfig} ahead of
 * Camunda's authentication.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  /** Tasklist's login body is a short form (user name and password). */
  private static final int MAX_LOGIN_FORM_BYTES = 8 * 1024;

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest forwarded = request;
    String user;
    if (isWebappLogin(request)) {
      byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM_BYTES + 1);
      if (form.length > MAX_LOGIN_FORM_BYTES) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      user = formField(new String(form, StandardCharsets.ISO_8859_1), "username");
      forwarded = new vn.cascade.common.BufferedBodyRequest(request, form);
    } else {
      user = basicUser(request.getHeader("Authorization"));
    }
    if (user == null) {
      chain.doFilter(forwarded, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.remainingWait(user, address);
    if (!wait.isZero()) {
      tooManyTries(response, wait);
      return;
    }
    // Counted as the answer's status is set, before anything reaches the client: a client that got its
    // 401 first could try again before the wrong password counted (and a test moving its clock in
    // between saw a stale wait).
    CountingResponse counting = new CountingResponse(response, () -> throttle.failed(user, address));
    chain.doFilter(forwarded, counting);
    if (counting.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      counting.countOnce();
    } else if (counting.getStatus() / 100 == 2) {
      throttle.succeeded(user, address);
    }
  }

  /** Runs {@code onUnauthorized} once, when the status becomes 401. */
  private static final class CountingResponse extends HttpServletResponseWrapper {
    private final Runnable onUnauthorized;
    private boolean counted;

    CountingResponse(HttpServletResponse response, Runnable onUnauthorized) {
      super(response);
      this.onUnauthorized = onUnauthorized;
    }

    void countOnce() {
      if (!counted) {
        counted = true;
        onUnauthorized.run();
      }
    }

    private void status(int status) {
      if (status == SC_UNAUTHORIZED) {
        countOnce();
      }
    }

    @Override
    public void setStatus(int status) {
      status(status);
      super.setStatus(status);
    }

    @Override
    public void sendError(int status) throws IOException {
      status(status);
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      status(status);
      super.sendError(status, message);
    }
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getRequestURI().substring(request.getContextPath().length()).matches("/camunda/api/admin/auth/"
            + "user/[^/]+/login/[^/]+/?");
  }

  static String basicUser(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** The first value of that field, as Jersey's {@code @FormParam} reads it; malformed pairs are skipped. */
  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      try {
        if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException malformed) {
        // not a field Jersey would read either
      }
    }
    return null;
  }

  private void tooManyTries(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    String detail = "Đã nhập sai mật khẩu; vui lòng thử lại sau " + seconds + " giây.";
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:cascade:problem:login-throttled");
    problem.put("title", "Tạm dừng đăng nhập");
    problem.put("status", 429);
    problem.put("detail", detail);
    problem.put("message", detail);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
