package vn.cascade.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ExtensionRequests;
import vn.cascade.directive.DirectiveService;

/**
 * An officer sends a page's form after its session has ended: the page says that nothing was
 * recorded and what to do, instead of "no right to open this page", and nothing is recorded.
 */
class ExpiredFormTest extends CascadeIntegrationTest {

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ExtensionRequests extensions;

  private Assignment assignmentOf(String agency) {
    return assignments.ofDirective(directives.issue(directive(LocalDate.now(clock), agency)).id()).get(0);
  }

  private static String extensionForm(String token) {
    return "requestedDeadline=2027-01-15&extensionReason=C%E1%BA%A7n+th%C3%AAm+s%E1%BB%91+li%E1%BB%87u" + "&_csrf=" + token;
  }

  @Test
  void aFormSentAfterTheSessionEndedLeadsToTheLoginPageSayingNothingWasRecorded() {
    Assignment a = assignmentOf("so-yt");
    TasklistSession gone = new TasklistSession(baseUrl()); // no session any more: the cookie died with it

    HttpResponse<String> sent = gone.submitPage("/assignments/" + a.id() + "/extension", extensionForm("cu"));

    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
    assertThat(gone.open("/login?expired").body()).contains("nội dung vừa gửi", "chưa được ghi nhận");
    assertThat(extensions.pending(a)).isEmpty();
  }

  @Test
  void aFormWhoseTokenAnEarlierSessionIssuedIsRefusedAsExpiredNotAsForbidden() {
    Assignment a = assignmentOf("so-yt");
    TasklistSession officer = new TasklistSession(baseUrl());
    assertThat(officer.login("so-yt", "demo")).isEqualTo(200);

    HttpResponse<String> sent = officer.submitPage("/assignments/" + a.id() + "/extension",
        extensionForm("token-of-the-tab-opened-before-logging-in-again"));

    assertThat(sent.statusCode()).isEqualTo(403);
    assertThat(sent.body()).contains("Chưa gửi được: trang đã mở quá lâu", "chưa được ghi nhận")
        .doesNotContain("Không có quyền xem trang này");
    assertThat(extensions.pending(a)).isEmpty();
    // A page the officer may not open still says so.
    assertThat(officer.open("/admin/agencies").body()).contains("Không có quyền xem trang này");
  }
}
