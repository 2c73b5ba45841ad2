package vn.cascade.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;
import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;

/**
 * Transfers (chuyển giao): an agency returns an assignment as not within its remit and Văn phòng
 * UBND transfers it or keeps it; an administrator's merger moves every open assignment of an agency.
 */
class TransferTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired TransferRepository transfers;
  @Autowired ExtensionRequests extensions;
  @Autowired AgencyDirectory agencies;

  /** A form posted as a browser does: the CSRF token and session cookie of {@code formPage} first. */
  private ResponseEntity<String> post(String user, String formPage, String path, Map<String, String> fields) {
    TestRestTemplate as = http.withBasicAuth(user, user.equals("admin") ? "admin" : "demo");
    ResponseEntity<String> page = as.getForEntity(formPage, String.class);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(String.valueOf(page.getBody()));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    if (csrf.find()) {
      form.add("_csrf", csrf.group(1));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    var cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies != null) {
      cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
    }
    return as.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private ResponseEntity<String> returnAsNotOurs(String user, Assignment a, String reason, String suggested) {
    String page = "/assignments/" + a.id() + "/transfer";
    return post(user, page, page, Map.of("transferReason", reason, "suggestedAgency", suggested));
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user.equals("admin") ? "admin" : "demo").getForEntity(path, String.class);
  }

  private static boolean sent(ResponseEntity<String> r) {
    // The redirect after a POST is followed: the page it leads to.
    return r.getStatusCode().is3xxRedirection() || r.getStatusCode().is2xxSuccessful();
  }

  private String candidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(l -> l.getGroupId()).findFirst().orElse(null);
  }

  @Test
  void anAgencyReturnsAnAssignmentNotInItsRemitAndTheNewAgencyReportsOnItWithItsHistory() {
    Directive d = directives.issue(directive(LocalDate.now(clock), "so-gtvt"));
    Assignment a = assignments.ofDirective(d.id()).get(0);
    // History before the transfer: an extension granted to the first agency.
    LocalDate extended = a.deadline().plusDays(2);
    extensions.request(a.id(), extended.toString(), "Chờ số liệu.", "so-gtvt", java.util.Set.of("so-gtvt"));
    completeAs("vp-ubnd", taskOf(a.processInstanceId(), TASK_DECIDE_EXTENSION), Map.of(
        "extensionDecision", "approve", "extensionComment", "Đồng ý.", "confirmBeyondSummary", false));
    assertThat(get("so-gtvt", "/dashboard/directives/" + d.id()).getBody())
        .contains("/assignments/" + a.id() + "/transfer");

    // Refused in Vietnamese, nothing stored: no reason, an unknown agency, its own agency, another agency.
    ResponseEntity<String> noReason = returnAsNotOurs("so-gtvt", a, " ", "so-ct");
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("Vui lòng nêu lý do");
    ResponseEntity<String> unknown = returnAsNotOurs("so-gtvt", a, "Không thuộc lĩnh vực.", "khong-co");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("trong danh mục");
    for (String notAnExecutor : List.of("lanh-dao-ubnd", "tinh-uy")) {
      ResponseEntity<String> leadership = returnAsNotOurs("so-gtvt", a, "Không thuộc lĩnh vực.", notAnExecutor);
      assertThat(leadership.getStatusCode().value()).isEqualTo(400);
      assertThat(leadership.getBody()).contains("không nhận nhiệm vụ thực hiện");
    }
    ResponseEntity<String> same = returnAsNotOurs("so-gtvt", a, "Không thuộc lĩnh vực.", "so-gtvt");
    assertThat(same.getStatusCode().value()).isEqualTo(400);
    assertThat(same.getBody()).contains("phải khác cơ quan đang thực hiện");
    assertThat(post("so-yt", "/", "/assignments/" + a.id() + "/transfer", Map.of("transferReason",
        "Không phải của chúng tôi.", "suggestedAgency", "so-ct")).getStatusCode().value()).isEqualTo(404);
    assertThat(transfers.of(a.id())).isEmpty();
    assertThat(taskOf(a.processInstanceId(), TASK_DECIDE_TRANSFER)).isNull();

    // The agencies to suggest, in Vietnamese order ("Sở Kế hoạch…" before "Sở Khoa học…"), its own left out.
    assertThat(get("so-gtvt", "/assignments/" + a.id() + "/transfer").getBody())
        .containsSubsequence("Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ").doesNotContain("<option value=\"so-gtvt\"")
        .doesNotContain("<option value=\"lanh-dao-ubnd\"", "<option value=\"tinh-uy\"")
        .contains("<option value=\"vp-ubnd\"");
    assertThat(sent(returnAsNotOurs("so-gtvt", a, "Thuộc lĩnh vực công thương.", "so-ct"))).isTrue();
    assertThat(get("so-gtvt", "/assignments/" + a.id() + "/transfer").getBody())
        .contains("Đang chờ quyết định chuyển giao").doesNotContain("Gửi đề nghị chuyển giao");
    ResponseEntity<String> twice = returnAsNotOurs("so-gtvt", a, "Lần nữa.", "so-ct");
    assertThat(twice.getStatusCode().value()).isEqualTo(400);
    assertThat(transfers.of(a.id())).hasSize(1);
    assertThat(viewOf(taskOf(a.processInstanceId(), TASK_REPORT_RESULTS)).get("transferPendingText").toString())
        .contains("Sở Công Thương", "đang chờ");

    Task decide = taskOf(a.processInstanceId(), TASK_DECIDE_TRANSFER);
    assertThat(candidateGroup(decide)).isEqualTo("vp-ubnd");
    assertThat(viewOf(decide)).containsEntry("transferReason", "Thuộc lĩnh vực công thương.")
        .containsEntry("suggestedAgencyName", agencies.get("so-ct").name());
    assertThat(prefillOf(decide)).as("the suggested agency is chosen").containsEntry("transferAgency", "so-ct");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> options = (List<Map<String, Object>>) viewOf(decide).get("agencyOptions");
    assertThat(options).extracting(o -> o.get("value")).contains("so-ct", "so-xd")
        .doesNotContain("so-gtvt", "lanh-dao-ubnd", "tinh-uy");

    // The office cannot transfer to the agency that has it, to one outside the directory, or to the
    // leadership or the Party's committee, which do not carry out assignments.
    for (String wrong : List.of("so-gtvt", "khong-co", "lanh-dao-ubnd", "tinh-uy")) {
      assertThatThrownBy(() -> completeAs("vp-ubnd", decide, Map.of("transferDecision", "transfer",
          "transferAgency", wrong, "transferComment", ""))).hasMessageContaining("cơ quan");
      assertThat(assignments.find(a.id()).orElseThrow().agencyCode()).isEqualTo("so-gtvt");
    }
    completeAs("vp-ubnd", decide, Map.of("transferDecision", "transfer", "transferAgency", "so-ct",
        "transferComment", "Chuyển Sở Công Thương chủ trì."));

    Assignment moved = assignments.find(a.id()).orElseThrow();
    assertThat(moved.agencyCode()).isEqualTo("so-ct");
    assertThat(moved.deadline()).as("the deadline in force goes with it").isEqualTo(extended);
    assertThat(moved.originalDeadline()).isEqualTo(a.deadline());
    assertThat(transfers.of(a.id())).singleElement().satisfies(t -> {
      assertThat(t.fromAgency()).isEqualTo("so-gtvt");
      assertThat(t.toAgency()).isEqualTo("so-ct");
      assertThat(t.decision()).isEqualTo(TRANSFER_MOVE);
      assertThat(t.decidedBy()).isEqualTo("vp-ubnd");
      assertThat(t.decisionComment()).isEqualTo("Chuyển Sở Công Thương chủ trì.");
    });
    Task report = taskOf(a.processInstanceId(), TASK_REPORT_RESULTS);
    assertThat(candidateGroup(report)).isEqualTo("so-ct");
    assertThat(report.getAssignee()).isNull();
    assertThat(report.getDueDate().toInstant()).isEqualTo(vn.cascade.common.VnDates.dueBefore(extended));
    assertThat(viewOf(report).get("transferredFromText").toString()).contains("chuyển từ " + agencies.get("so-gtvt").name());

    // The old agency sees nothing: Tasklist's task query, the directive, the report, the files, the pages.
    assertThat(get("so-gtvt", "/engine-rest/task?maxResults=200").getBody()).doesNotContain(a.processInstanceId());
    assertThat(get("so-gtvt", "/engine-rest/task/" + report.getId()).getStatusCode().value()).isIn(403, 404);
    assertThat(get("so-gtvt", "/engine-rest/process-instance/" + a.processInstanceId()).getStatusCode().value())
        .isIn(403, 404);
    assertThat(get("so-ct", "/engine-rest/task?maxResults=200").getBody()).contains(report.getId());
    assertThat(get("so-ct", "/engine-rest/task/" + report.getId()).getStatusCode().value()).isEqualTo(200);
    assertThat(get("so-gtvt", "/dashboard/directives/" + d.id()).getStatusCode().value()).isEqualTo(403);
    assertThat(get("so-gtvt", "/dashboard/assignments/" + a.id()).getStatusCode().value()).isEqualTo(403);
    assertThat(get("so-gtvt", "/assignments/" + a.id() + "/attachments").getStatusCode().is4xxClientError()).isTrue();
    assertThat(get("so-gtvt", "/assignments/" + a.id() + "/extension").getStatusCode().value()).isEqualTo(404);
    assertThat(get("so-gtvt", "/assignments/" + a.id() + "/transfer").getStatusCode().value()).isEqualTo(404);
    assertThat(get("so-gtvt", "/").getBody()).doesNotContain("/assignments/" + a.id() + "/");

    // The dashboard counts it once, under the agency that has it now, "chuyển từ" the first.
    String page = get("vp-ubnd", "/dashboard/directives/" + d.id()).getBody();
    Matcher rows = Pattern.compile("<tr data-agency=\"([^\"]+)\" data-item=\"1\"").matcher(page);
    List<String> agenciesOfItem = new java.util.ArrayList<>();
    while (rows.find()) {
      agenciesOfItem.add(rows.group(1));
    }
    assertThat(agenciesOfItem).containsExactly("so-ct");
    assertThat(page).contains("chuyển từ " + agencies.shortName("so-gtvt"));
    assertThat(get("so-ct", "/dashboard/assignments/" + a.id()).getBody()).contains("chuyển từ",
        "Thuộc lĩnh vực công thương.", "chuyển cho " + agencies.shortName("so-ct"), "id=\"extensions\"");

    // The new agency reports and the report is accepted.
    reportAndAccept("so-ct", a.processInstanceId(), report("Sở Công Thương đã thực hiện.", "Đã xong."));
    Assignment done = assignments.find(a.id()).orElseThrow();
    assertThat(done.reported()).isTrue();
    assertThat(assignments.versions(a.id())).singleElement()
        .satisfies(v -> assertThat(v.submittedBy()).isEqualTo("so-ct"));
  }

  @Test
  void theOfficeMayKeepTheAssignmentWithItsAgencyGivingAComment() {
    Directive d = directives.issue(directive(LocalDate.now(clock), "so-gtvt"));
    Assignment a = assignments.ofDirective(d.id()).get(0);
    assertThat(sent(returnAsNotOurs("so-gtvt", a, "Không thuộc lĩnh vực giao thông.", "so-xd"))).isTrue();
    Task decide = taskOf(a.processInstanceId(), TASK_DECIDE_TRANSFER);
    var filters = processEngine.getFilterService();
    String agencyTasks = filters.createFilterQuery().filterName("Nhiệm vụ của đơn vị").singleResult().getId();
    identityService.setAuthentication("vp-ubnd", List.of("vp-ubnd"));
    try {
      assertThat(filters.<Task>listPage(agencyTasks, 0, 1000)).as("Tasklist's filter lists the decision")
          .extracting(Task::getId).contains(decide.getId());
    } finally {
      identityService.clearAuthentication();
    }
    assertThatThrownBy(() -> completeAs("vp-ubnd", decide, Map.of("transferDecision", "keep", "transferComment", " ")))
        .hasMessageContaining("Vui lòng nêu ý kiến");
    assertThat(transfers.pending(a.id())).isPresent();

    completeAs("vp-ubnd", decide, Map.of("transferDecision", "keep",
        "transferComment", "Nội dung thuộc ngành giao thông; Sở GTVT chủ trì."));
    assertThat(assignments.find(a.id()).orElseThrow().agencyCode()).isEqualTo("so-gtvt");
    assertThat(transfers.of(a.id())).singleElement().satisfies(t -> {
      assertThat(t.decision()).isEqualTo(TRANSFER_KEEP);
      assertThat(t.toAgency()).isNull();
    });
    Task report = taskOf(a.processInstanceId(), TASK_REPORT_RESULTS);
    assertThat(candidateGroup(report)).isEqualTo("so-gtvt");
    assertThat(viewOf(report).get("transferDecisionText").toString()).contains("Sở GTVT chủ trì");
    assertThat(get("vp-ubnd", "/dashboard/directives/" + d.id()).getBody()).doesNotContain("chuyển từ");
  }

  @Test
  void aMergerMovesEveryOpenAssignmentOfAnAgencyToItsSuccessorAndOnlyAnAdministratorMayDoIt() {
    Directive d = directives.issue(directive(LocalDate.now(clock), "ban-qlkcn", "ban-qlkcn", "so-yt"));
    Directive closed = directives.issue(directive(LocalDate.now(clock), "ban-qlkcn"));
    Assignment done = assignments.ofDirective(closed.id()).get(0);
    reportAndAccept("ban-qlkcn", done.processInstanceId(), report("Đã xong."));
    Assignment submitted = assignments.ofDirective(d.id()).get(1);
    completeAs("ban-qlkcn", taskOf(submitted.processInstanceId(), TASK_REPORT_RESULTS), report("Đang rà soát."));
    String admin = "/admin/transfers";

    // Not an administrator's: 403 in Vietnamese, nothing moves.
    for (String user : List.of("ban-qlkcn", "vp-ubnd")) {
      HttpHeaders html = new HttpHeaders();
      html.setAccept(List.of(MediaType.TEXT_HTML));
      ResponseEntity<String> page = http.withBasicAuth(user, "demo").exchange(admin + "?from=ban-qlkcn&to=so-khcn",
          org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(html), String.class);
      assertThat(page.getStatusCode().value()).isEqualTo(403);
      assertThat(page.getBody()).contains("Không có quyền xem trang này", "Chỉ quản trị viên được mở trang");
    }
    ResponseEntity<String> byAgency = post("ban-qlkcn", "/", admin, Map.of("from", "ban-qlkcn", "to", "so-khcn"));
    assertThat(byAgency.getStatusCode().value()).isEqualTo(403);
    // Bad pairs: refused in Vietnamese.
    ResponseEntity<String> same = post("admin", admin, admin, Map.of("from", "ban-qlkcn", "to", "ban-qlkcn"));
    assertThat(same.getStatusCode().value()).isEqualTo(400);
    assertThat(same.getBody()).contains("phải khác cơ quan bị sáp nhập");
    ResponseEntity<String> unknown = post("admin", admin, admin, Map.of("from", "khong-co", "to", "so-khcn"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("trong danh mục");
    assertThat(assignments.ofDirective(d.id())).extracting(Assignment::agencyCode)
        .containsExactly("ban-qlkcn", "ban-qlkcn", "so-yt");

    // As in a real merger the merged agency is deactivated first: it may still be merged, but a deactivated
    // agency never receives work.
    String activeUrl = "/admin/agencies/ban-qlkcn/active";
    assertThat(sent(post("admin", "/admin/agencies/ban-qlkcn", activeUrl, Map.of("active", "false")))).isTrue();
    try {
      assertThat(agencies.isActive("ban-qlkcn")).isFalse();
      ResponseEntity<String> toDeactivated = post("admin", admin, admin, Map.of("from", "so-yt", "to", "ban-qlkcn"));
      assertThat(toDeactivated.getStatusCode().value()).isEqualTo(400);
      assertThat(toDeactivated.getBody()).contains("đã ngừng hoạt động: cơ quan tiếp nhận phải đang hoạt động");
      assertThat(assignments.ofDirective(d.id())).extracting(Assignment::agencyCode)
          .containsExactly("ban-qlkcn", "ban-qlkcn", "so-yt");
      mergeIntoScienceAndTechnology(d, closed, submitted, admin);
    } finally {
      post("admin", "/admin/agencies/ban-qlkcn", activeUrl, Map.of("active", "true"));
    }
  }

  private void mergeIntoScienceAndTechnology(Directive d, Directive closed, Assignment submitted, String admin) {
    ResponseEntity<String> preview = get("admin", admin + "?from=ban-qlkcn&to=so-khcn");
    assertThat(preview.getStatusCode().value()).isEqualTo(200);
    assertThat(preview.getBody()).contains(d.number() + " — nhiệm vụ 1", d.number() + " — nhiệm vụ 2")
        .doesNotContain(closed.number());
    assertThat(sent(post("admin", admin, admin, Map.of("from", "ban-qlkcn", "to", "so-khcn")))).isTrue();

    assertThat(assignments.ofDirective(d.id())).extracting(Assignment::agencyCode)
        .containsExactly("so-khcn", "so-khcn", "so-yt");
    assertThat(assignments.ofDirective(closed.id())).extracting(Assignment::agencyCode)
        .as("a closed assignment keeps its history where it was").containsExactly("ban-qlkcn");
    for (Assignment a : assignments.ofDirective(d.id()).subList(0, 2)) {
      assertThat(transfers.of(a.id())).singleElement().satisfies(t -> {
        assertThat(t.reason()).startsWith("Sáp nhập");
        assertThat(t.decision()).isEqualTo(TRANSFER_MERGER);
        assertThat(t.decidedBy()).isEqualTo("admin");
      });
      if (a.id() != submitted.id()) {
        assertThat(candidateGroup(taskOf(a.processInstanceId(), TASK_REPORT_RESULTS))).isEqualTo("so-khcn");
      }
      assertThat(get("ban-qlkcn", "/engine-rest/task?maxResults=200").getBody()).doesNotContain(a.processInstanceId());
    }
    // A report in review when the merger came: the review names the successor, and a return goes to it.
    Task review = taskOf(submitted.processInstanceId(), TASK_REVIEW_REPORT);
    assertThat(review.getName()).contains(agencies.get("so-khcn").name());
    completeAs("so-khdt", review, Map.of("reviewDecision", "return", "reviewComment", "Bổ sung số liệu."));
    assertThat(candidateGroup(taskOf(submitted.processInstanceId(), TASK_REPORT_RESULTS))).isEqualTo("so-khcn");
    assertThat(assignments.versions(submitted.id())).singleElement()
        .satisfies(v -> assertThat(v.submittedBy()).isEqualTo("ban-qlkcn"));

    // What stays open with the merged agency is only what its successor already has (the same item of
    // the same directive): a second assignment would be counted twice.
    for (Assignment left : assignments.openOf(java.util.Set.of("ban-qlkcn"), 1000)) {
      assertThat(assignments.exists(left.directiveId(), left.itemNumber(), "so-khcn"))
          .as("assignment %s left with ban-qlkcn", left.id()).isTrue();
      assertThat(transfers.of(left.id())).isEmpty();
    }
  }
}
