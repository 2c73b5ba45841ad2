package vn.cascade.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;

/** The page where an agency asks for more time, as its browser uses it. */
class ExtensionPageTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ExtensionRepository extensions;

  private ResponseEntity<String> post(TestRestTemplate as, long id, String date, String reason) {
    ResponseEntity<String> page = as.getForEntity("/assignments/" + id + "/extension", String.class);
    var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("requestedDeadline", date);
    form.add("extensionReason", reason);
    if (csrf.find()) {
      form.add("_csrf", csrf.group(1));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    var cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies != null) {
      cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
    }
    return as.postForEntity("/assignments/" + id + "/extension", new HttpEntity<>(form, headers), String.class);
  }

  @Test
  void anAgencyAsksForMoreTimeOnItsPageAndSeesItPending() {
    Directive d = directives.issue(directive(LocalDate.now(clock), "so-gtvt"));
    Assignment a = assignments.ofDirective(d.id()).get(0);
    TestRestTemplate agency = http.withBasicAuth("so-gtvt", "demo");

    assertThat(agency.getForObject("/dashboard/directives/" + d.id(), String.class))
        .as("the agency's dashboard row asks for more time").contains("/assignments/" + a.id() + "/extension");
    ResponseEntity<String> page = agency.getForEntity("/assignments/" + a.id() + "/extension", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Xin gia hạn thời hạn báo cáo", d.number(), "Gửi đề nghị gia hạn");

    ResponseEntity<String> past = post(agency, a.id(), LocalDate.now(clock).minusDays(1).toString(), "Lý do.");
    assertThat(past.getStatusCode().value()).isEqualTo(400);
    assertThat(past.getBody()).contains("đã qua");
    assertThat(extensions.of(a.id())).isEmpty();

    ResponseEntity<String> sent = post(agency, a.id(), a.deadline().plusDays(4).toString(), "Chờ số liệu của Bộ.");
    assertThat(sent.getStatusCode().is3xxRedirection() || sent.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(extensions.pending(a.id())).isPresent();
    assertThat(agency.getForObject("/assignments/" + a.id() + "/extension", String.class))
        .contains("Đang chờ quyết định gia hạn").doesNotContain("Gửi đề nghị gia hạn");
    assertThat(taskService.createTaskQuery().processInstanceId(a.processInstanceId())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_DECIDE_EXTENSION).count()).isOne();
    assertThat(http.withBasicAuth("vp-ubnd", "demo").getForObject("/dashboard/directives/" + d.id(), String.class))
        .as("the office sees the request waiting").contains("Đang chờ quyết định gia hạn");
    assertThat(agency.getForObject("/dashboard/directives/" + d.id(), String.class))
        .contains("Đang chờ quyết định gia hạn").doesNotContain("/assignments/" + a.id() + "/extension\"");

    // Another agency neither sees the page nor asks for it.
    TestRestTemplate other = http.withBasicAuth("so-ct", "demo");
    assertThat(other.getForEntity("/assignments/" + a.id() + "/extension", String.class).getStatusCode().value())
        .isEqualTo(404);
  }
}
