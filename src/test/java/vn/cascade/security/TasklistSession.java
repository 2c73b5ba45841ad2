package vn.cascade.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps, without the browser: the one login page, the
 * session cookie, Tasklist's CSRF token, and calls to the engine API as Tasklist makes them.
 */
final class TasklistSession {

  static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  TasklistSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Logs in as a browser does since there is one login: Cascade's login page (its CSRF token, the
   * form), then Tasklist, which takes that login (Camunda's container-based authentication) and
   * hands out its own CSRF token. Answers 200 when logged in, 401 when the login page refused (a
   * wrong password or a throttled try).
   */
  int login(String user, String password) {
    String page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the login page: " + page);
    }
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1),
        StandardCharsets.UTF_8);
    HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    String next = posted.headers().firstValue("Location").orElse("");
    if (posted.statusCode() != 302 || next.contains("/login")) {
      return 401;
    }
    send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).GET());
    return get("/camunda/api/admin/auth/user/default").statusCode(); // as Tasklist does: who am I, and the CSRF token
  }

  /** Tasklist's own login request, which the one login closed: answers its status. */
  int webappLogin(String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl
        + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)))).statusCode();
  }

  /** The session cookie's value, or null. */
  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** A page or API call as the browser navigates to it (asks for HTML, no token). */
  HttpResponse<String> open(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
  }

  /** A page's form as the browser sends it (asks for HTML, the fields as typed, no header token). */
  HttpResponse<String> submitPage(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  HttpResponse<String> get(String path) {
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
  }

  HttpResponse<String> post(String path, String json) {
    return send(withToken(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if (cookie.getName().equals("XSRF-TOKEN")) {
        request.header("X-XSRF-TOKEN", cookie.getValue());
      }
    }
    return request.header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
