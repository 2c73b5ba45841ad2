package vn.cascade.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.attachment.AttachmentService;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;
import vn.cascade.reminder.ChaseSubject;
import vn.cascade.reminder.Mail;
import vn.cascade.reminder.NotificationKind;
import vn.cascade.reminder.NotificationOutbox;

/**
 * The collector's workspace over one directive collected by Sở KH&ĐT, seen after the reporting
 * deadline passed and the collection opened:
 * <ul>
 *   <li>item 1, Sở Y tế: reported on the day of issue, in full, with a file; UBND TP Biên Hòa
 *       (phối hợp) contributed; what both typed carries markup;</li>
 *   <li>item 2, Công an tỉnh: reported after the collection opened — marked late;</li>
 *   <li>item 3, UBND TP Long Khánh: nothing; one urging sent;</li>
 *   <li>item 4, Sở Công Thương: nothing; nothing sent.</li>
 * </ul>
 */
class WorkspaceTest extends CascadeIntegrationTest {

  private static final String COLLECTOR = "so-khdt";
  private static final String DISTRICT = "ubnd-long-khanh";

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AttachmentService attachments;
  @Autowired NotificationOutbox outbox;
  @Autowired ObjectMapper json;

  private static Fixture fixture;

  record Fixture(Directive directive, LocalDate day0, Instant urgedAt, Instant now, Map<String, Long> assignments) {
    String url() {
      return "/dashboard/directives/" + directive.id() + "/workspace";
    }
  }

  @BeforeEach
  void atTheFixturesInstant() {
    if (fixture == null) {
      fixture = build();
    }
    clock.set(fixture.now());
  }

  @Test
  void theWorkspaceShowsEveryReportInFullTheContributionsAndEveryAgencyStillMissingAndItsFiltersNarrowIt() {
    String page = page(COLLECTOR, fixture.url());
    long health = fixture.assignments().get("so-yt");

    String report = article(page, "so-yt");
    assertThat(report).contains("Tăng cường phòng, chống dịch bệnh.", "Đã tiêm 12.000 liều.",
            "Kiểm tra an toàn thực phẩm.", "Đã kiểm tra 30 cơ sở.",
            "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; Đã tổ chức 24 đợt kiểm tra.",
            "Thiếu kinh phí &lt;img src=x onerror=alert(1)&gt;", "Đề nghị bổ sung 2 tỷ đồng.", "đang thực hiện",
            "Lê Thị Hồng", "0251 3822 505", "Báo cáo &lt;i&gt;Y tế.pdf", "đã báo cáo đúng hạn",
            VnDates.format(fixture.day0()))
        .containsPattern("<a target=\"_blank\" rel=\"noopener\" href=\"/assignments/" + health + "/attachments/\\d+\"")
        .contains("data-late=\"false\"").doesNotContain("Đến muộn");
    assertThat(page).doesNotContain("<script>alert", "<img src=x", "<i>Y tế", "<b>Biên Hòa");

    String contributions = page.substring(page.indexOf("Ý kiến của cơ quan phối hợp"));
    assertThat(contributions).contains("UBND TP Biên Hòa", "gửi Sở Y tế", "Đã bàn giao &lt;b&gt;Biên Hòa&lt;/b&gt; mặt bằng.",
        "Liên hệ: Lê Văn Em — 0251 3822 000");

    String late = article(page, "ca-tinh");
    assertThat(late).contains("data-late=\"true\"", "Đến muộn — sau khi mở tổng hợp", "Báo cáo muộn của Công an tỉnh.",
        VnDates.format(fixture.now()));

    String missing = page.substring(page.indexOf("id=\"missing\""));
    assertThat(missing).contains("(2)").doesNotContain("data-agency=\"so-yt\"").doesNotContain("data-agency=\"ca-tinh\"");
    String district = row(missing, DISTRICT);
    assertThat(district).contains("data-bucket=\"OPEN_OVERDUE\"", "chưa báo cáo, quá hạn",
        "Đôn đốc " + VnDates.formatWithTime(fixture.urgedAt()));
    assertThat(row(missing, "so-ct")).contains("data-bucket=\"OPEN_OVERDUE\"", "chưa gửi");
    assertThat(page).contains("Đã nhận <strong>2</strong>/<span>4</span> báo cáo");

    // Filters: by item, by agency (a coordinating agency finds what it sent), by status; a bad value is named.
    String second = page(COLLECTOR, fixture.url() + "?item=2");
    assertThat(second).contains("data-agency=\"ca-tinh\"").doesNotContain("data-agency=\"so-yt\"")
        .doesNotContain("data-agency=\"" + DISTRICT + "\"").doesNotContain("Ý kiến của cơ quan phối hợp");
    String bienHoa = page(COLLECTOR, fixture.url() + "?agency=ubnd-bien-hoa");
    assertThat(bienHoa).contains("Đã bàn giao").doesNotContain("class=\"ws-report");
    String overdue = page(COLLECTOR, fixture.url() + "?status=OPEN_OVERDUE");
    assertThat(overdue).doesNotContain("class=\"ws-report").contains("data-agency=\"" + DISTRICT + "\"")
        .contains("data-agency=\"so-ct\"");
    String arrivedLate = page(COLLECTOR, fixture.url() + "?status=after_collection&agency=ca-tinh");
    assertThat(arrivedLate).contains("data-agency=\"ca-tinh\"").doesNotContain("data-agency=\"so-yt\"")
        .contains("<option value=\"AFTER_COLLECTION\" selected=\"selected\">");
    assertThat(page(COLLECTOR, fixture.url() + "?item=x9")).contains("Nhiệm vụ &quot;x9&quot; không có trong văn bản này")
        .contains("data-agency=\"so-yt\"");
  }

  @Test
  void onlyTheCollectorTheOfficeTheLeadershipAndAdministratorsOpenItAndTheTaskAndDashboardLinkToIt() {
    assertThat(status(COLLECTOR, "demo")).isEqualTo(HttpStatus.OK);
    assertThat(status("vp-ubnd", "demo")).isEqualTo(HttpStatus.OK);
    assertThat(status("lanh-dao-ubnd", "demo")).isEqualTo(HttpStatus.OK);
    assertThat(status("admin", "admin")).isEqualTo(HttpStatus.OK);
    for (String agency : List.of("so-yt", DISTRICT)) {
      ResponseEntity<String> refused = http.withBasicAuth(agency, "demo").getForEntity(fixture.url(), String.class);
      assertThat(refused.getStatusCode()).as(agency).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).contains("chỉ dành cho cơ quan tổng hợp (Sở Kế hoạch và Đầu tư)")
          .doesNotContain("Lê Thị Hồng");
    }
    // Sở KH&ĐT sees every directive on the dashboard, but collects only its own: another collector's is not its workspace.
    Directive other = directives.issue(draft(fixture.day0(), "so-nv"));
    String url = "/dashboard/directives/" + other.id() + "/workspace";
    assertThat(http.withBasicAuth("so-nv", "demo").getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth(COLLECTOR, "demo").getForEntity(url, String.class).getBody())
        .contains("chỉ dành cho cơ quan tổng hợp (Sở Nội vụ)");
    assertThat(http.withBasicAuth(COLLECTOR, "demo").getForEntity(url, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(page(COLLECTOR, "/dashboard/directives/" + fixture.directive().id()))
        .contains("href=\"" + fixture.url() + "\"");
    assertThat(page("so-yt", "/dashboard/directives/" + fixture.directive().id())).doesNotContain(fixture.url());
    Task collect = taskOf(fixture.directive().processInstanceId(), DirectiveProcess.TASK_COLLECT_REPORTS);
    assertThat(viewOf(collect)).containsEntry("workspaceUrl", fixture.url());
  }

  // ---------------------------------------------------------------- the fixture

  private Fixture build() {
    LocalDate day0 = LocalDate.now(clock);
    at(day0, 9);
    Directive d = directives.issue(draft(day0, COLLECTOR));
    Map<String, Long> ids = new LinkedHashMap<>();
    assignments.ofDirective(d.id()).forEach(a -> ids.put(a.agencyCode(), a.id()));

    Assignment health = assignments.find(ids.get("so-yt")).orElseThrow();
    Task ask = taskService.createTaskQuery().processInstanceId(health.processInstanceId())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_CONTRIBUTE).singleResult();
    completeAs("ubnd-bien-hoa", ask, Map.of("contributionText", "Đã bàn giao <b>Biên Hòa</b> mặt bằng.",
        "contributionContactPerson", "Lê Văn Em", "contributionContactPhone", "0251 3822 000"));
    attachAs("so-yt", health, "Báo cáo <i>Y tế.pdf");
    Map<String, Object> report = TestDocuments.report("<script>alert('xss')</script> Đã tổ chức 24 đợt kiểm tra.",
        "Đã tiêm 12.000 liều.", "Đã kiểm tra 30 cơ sở.");
    report.put(AgencyAssignmentProcess.DIFFICULTIES.name(), "Thiếu kinh phí <img src=x onerror=alert(1)>");
    report.put(AgencyAssignmentProcess.PROPOSALS.name(), "Đề nghị bổ sung 2 tỷ đồng.");
    report.put(AgencyAssignmentProcess.COMPLETION_STATUS.name(), AgencyAssignmentProcess.STATUS_IN_PROGRESS);
    reportAndAccept("so-yt", health.processInstanceId(), report);

    // The reporting deadline passes: the collection opens; Công an tỉnh reports after it.
    clock.set(VnDates.dueBefore(d.reportDeadline()).plus(Duration.ofHours(2)));
    Job timer = managementService.createJobQuery().processInstanceId(directives.get(d.id()).processInstanceId())
        .timers().activityId(DirectiveProcess.BOUNDARY_DEADLINE_PASSED).singleResult();
    managementService.executeJob(timer.getId());
    Instant urgedAt = clock.instant();
    urged(assignments.find(ids.get(DISTRICT)).orElseThrow(), urgedAt);
    Instant now = clock.instant().plus(Duration.ofHours(3));
    clock.set(now);
    reportAndAccept("ca-tinh", assignments.find(ids.get("ca-tinh")).orElseThrow().processInstanceId(),
        TestDocuments.report("Báo cáo muộn của Công an tỉnh.", "Bảo đảm an ninh."));
    return new Fixture(directives.get(d.id()), day0, urgedAt, now, ids);
  }

  private void at(LocalDate day, int hour) {
    clock.set(day.atTime(LocalTime.of(hour, 0)).atZone(VnDates.ZONE).toInstant());
  }

  private DirectiveDraft draft(LocalDate day0, String collector) {
    DirectiveDraft base = TestDocuments.directive(day0, "so-yt");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("number", base.number());
    d.put("issuedOn", day0.toString());
    d.put("place", "Đồng Nai");
    d.put("issuer", base.issuer());
    d.put("issuerAgency", base.issuerAgency());
    d.put("title", "V/v thử nghiệm hồ sơ tổng hợp");
    d.put("reportDeadline", base.reportDeadline().toString());
    d.put("summaryDeadline", base.summaryDeadline().toString());
    d.put("collectingAgency", collector);
    d.put("recipients", List.of(Map.of("name", "Như trên", "purpose", "thực hiện")));
    d.put("items", List.of(
        item(1, "so-yt", bullet("Tăng cường phòng, chống dịch bệnh."), bullet("Kiểm tra an toàn thực phẩm.", "ubnd-bien-hoa")),
        item(2, "ca-tinh", bullet("Bảo đảm an ninh trật tự.")),
        item(3, DISTRICT, bullet("Rà soát tiến độ giải phóng mặt bằng.")),
        item(4, "so-ct", bullet("Bình ổn giá."))));
    return json.convertValue(d, DirectiveDraft.class);
  }

  private static Map<String, Object> item(int n, String agency, Map<?, ?>... bullets) {
    return Map.of("number", n, "heading", "Giao " + agency, "agencies", List.of(agency), "conclusionItems", List.of(1),
        "bullets", List.of(bullets));
  }

  private static Map<String, Object> bullet(String text, String... coordinating) {
    return Map.of("text", text, "coordinating", List.of(coordinating));
  }

  private void attachAs(String agency, Assignment a, String fileName) {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(agency, null,
        List.of(new SimpleGrantedAuthority("GROUP_" + agency))));
    try {
      attachments.attach(a, new MockMultipartFile("file", fileName, "application/pdf", "%PDF-1.4 thử".getBytes()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** A morning digest that carried an urging about the assignment, sent at the time given. */
  private void urged(Assignment a, Instant at) {
    Mail mail = new Mail(List.of(a.agencyCode() + "@dongnai.example"), List.of(), "[Đôn đốc] hồ sơ tổng hợp",
        "Nội dung", "<p>Nội dung</p>");
    long id = outbox.insertDigest("workspace-test:" + a.id(), NotificationKind.DIGEST, a.agencyCode(),
        at.atZone(VnDates.ZONE).toLocalDate(), mail, at, at, null, List.of(new NotificationOutbox.DigestItem(
            ChaseSubject.ASSIGNMENT, a.id(), NotificationKind.URGING, 1, a.deadline(), 0, 1)));
    outbox.markSent(id, at);
  }

  // ---------------------------------------------------------------- reading the page

  private String page(String user, String path) {
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  private HttpStatus status(String user, String password) {
    return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity(fixture.url(), String.class)
        .getStatusCode().value());
  }

  /** The report of one agency: its {@code <article>}. */
  private static String article(String html, String agency) {
    int at = html.indexOf("data-agency=\"" + agency + "\"");
    assertThat(at).as("a report of " + agency).isPositive();
    int start = html.lastIndexOf("<article", at);
    assertThat(start).as("a report of " + agency).isPositive();
    return html.substring(start, html.indexOf("</article>", at));
  }

  private static String row(String html, String agency) {
    int at = html.indexOf("data-agency=\"" + agency + "\"");
    assertThat(at).as("a row of " + agency).isPositive();
    return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
  }
}
