package vn.cascade.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.cascade.CascadeIntegrationTest;

/**
 * Wrong passwords slow the next try of that user from that address, on every login path, and
 * never lock an agency out for good. Time moves with the test clock, not by waiting.
 */
class LoginThrottlingTest extends CascadeIntegrationTest {

  /** Longer than the longest wait after any number of wrong passwords (cascade.login.max-delay). */
  private static final Duration PAST_ANY_DELAY = Duration.ofMinutes(5).plusSeconds(1);

  @Autowired TestRestTemplate http;

  private int engineRest(String user, String password) {
    return http.withBasicAuth(user, password).getForEntity("/engine-rest/task/count", String.class)
        .getStatusCode().value();
  }

  private int api(String user, String password) {
    return http.withBasicAuth(user, password).getForEntity("/api/directives", String.class).getStatusCode().value();
  }

  private void waitPastAnyDelay() {
    clock.set(clock.instant().plus(PAST_ANY_DELAY));
  }

  @Test
  void twelveWrongPasswordsNeverLockAnAgencyOutForGood() {
    clock.set(clock.instant());
    for (int i = 1; i <= 12; i++) {
      assertThat(engineRest("ban-dan-toc", "sai-" + i)).as("wrong password #" + i).isEqualTo(401);
      waitPastAnyDelay();
    }
    assertThat(engineRest("ban-dan-toc", "demo")).as("the right password once the delay has ended").isEqualTo(200);
    assertThat(identityService.checkPassword("ban-dan-toc", "demo")).isTrue();
  }

  @Test
  void aWrongPasswordOnEngineRestSlowsTheNextTryThenItEnds() {
    clock.set(clock.instant());
    assertThat(engineRest("cuc-thue", "sai")).isEqualTo(401);
    assertThat(engineRest("cuc-thue", "demo")).as("right password during the delay").isIn(401, 429);
    waitPastAnyDelay();
    assertThat(engineRest("cuc-thue", "demo")).isEqualTo(200);
  }

  @Test
  void aWrongPasswordOnTheApiSlowsTheNextTryThenItEnds() {
    clock.set(clock.instant());
    assertThat(api("cuc-qltt", "sai")).isEqualTo(401);
    assertThat(api("cuc-qltt", "demo")).as("right password during the delay").isEqualTo(401);
    waitPastAnyDelay();
    assertThat(api("cuc-qltt", "demo")).isEqualTo(200);
  }

  @Test
  void aWrongPasswordOnTheOneLoginSlowsTheNextTryOnEveryPathThenItEnds() {
    clock.set(clock.instant());
    TasklistSession tasklist = new TasklistSession(baseUrl());
    assertThat(tasklist.login("bhxh", "sai")).isEqualTo(401);
    assertThat(tasklist.login("bhxh", "demo")).as("right password during the delay").isEqualTo(401);
    assertThat(api("bhxh", "demo")).as("the same user from the same address on the API").isEqualTo(401);
    assertThat(tasklist.webappLogin("bhxh", "demo")).as("Tasklist's own login is no way around it").isEqualTo(401);
    waitPastAnyDelay();
    assertThat(tasklist.login("bhxh", "demo")).isEqualTo(200);
    assertThat(tasklist.webappLogin("bhxh", "demo")).as("closed to a logged-in session too").isEqualTo(404);
  }

  @Test
  void aWrongPasswordOnTheLoginPageSlowsTheNextTryThenItEnds() throws Exception {
    clock.set(clock.instant());
    assertThat(formLogin("ban-qlda", "sai")).endsWith("/login?error");
    assertThat(formLogin("ban-qlda", "demo")).as("right password during the delay").endsWith("/login?error");
    waitPastAnyDelay();
    assertThat(formLogin("ban-qlda", "demo")).as("home").isIn("/", baseUrl() + "/");
  }

  /** Cascade's login form as a browser posts it; answers where it sends the browser next. */
  private String formLogin(String user, String password) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
        .matcher(page);
    assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
    String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token,
        StandardCharsets.UTF_8);
    HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(302);
    return posted.headers().firstValue("Location").orElse("");
  }
}
