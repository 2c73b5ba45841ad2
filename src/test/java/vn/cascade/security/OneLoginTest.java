package vn.cascade.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.cascade.CascadeIntegrationTest;

/**
 * The one login as HTTP sees it: the session id changes at login, the webapps take Cascade's login
 * and refuse their own, the API reads with the session but writes only with a token, and the
 * webapps' logout ends Cascade's session.
 */
class OneLoginTest extends CascadeIntegrationTest {

  @Test
  void oneSessionForCascadeAndTheWebappsWithItsOwnRules() {
    TasklistSession browser = new TasklistSession(baseUrl());
    assertThat(browser.open("/camunda/app/tasklist/default/").headers().firstValue("Location").orElse(""))
        .as("Tasklist sends a stranger to Cascade's login page").endsWith("/login");
    assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    assertThat(browser.open("/api/directives").headers().firstValue("Location").orElse(""))
        .as("the API sends a browser to the login page, no password prompt").endsWith("/login");
    browser.open("/login");
    String before = browser.sessionId();

    assertThat(browser.login("vp-ubnd", "demo")).isEqualTo(200);
    assertThat(browser.sessionId()).as("session fixation: a new id at login").isNotNull().isNotEqualTo(before);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"vp-ubnd\"");
    assertThat(browser.open("/dashboard").statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/directives").statusCode()).as("the API read with the session").isEqualTo(200);
    assertThat(browser.post("/api/directives", "{}").statusCode())
        .as("a write with the session alone (no CSRF token of Cascade's pages), by an issuer").isEqualTo(403);
    assertThat(browser.webappLogin("so-khdt", "demo")).as("Tasklist's own login is closed").isEqualTo(404);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"vp-ubnd\"");

    HttpResponse<String> logout = browser.post("/camunda/api/admin/auth/user/default/logout", null);
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(browser.open("/dashboard").headers().firstValue("Location").orElse(""))
        .as("Tasklist's Đăng xuất ends Cascade's session too").endsWith("/login");
    assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
  }
}
