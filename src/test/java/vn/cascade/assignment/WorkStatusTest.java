package vn.cascade.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.ProcessDriver;
import vn.cascade.TestDocuments;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;

/**
 * A report that came on time about work still <em>Đang thực hiện</em> is never called "đã hoàn thành"
 * (pages, XLSX, DOCX, API), and the agency's later update makes a new version that reads completed.
 */
class WorkStatusTest extends CascadeIntegrationTest {

  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final String AGENCY = "so-gtvt";
  private static final String MANAGER = "vp-ubnd";

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ObjectMapper json;

  /** A directive to {@link #AGENCY} (and so-ct), whose report is accepted and says the work is in progress. */
  private Assignment reportedInProgress(Directive d) {
    Assignment a = assignments.ofDirective(d.id()).stream().filter(x -> x.agencyCode().equals(AGENCY)).findFirst()
        .orElseThrow();
    Map<String, Object> report = TestDocuments.report("Đã triển khai 60% khối lượng, còn tiếp tục.", "Đang làm.");
    report.put(AgencyAssignmentProcess.COMPLETION_STATUS.name(), AgencyAssignmentProcess.STATUS_IN_PROGRESS);
    new ProcessDriver(processEngine).reportAndAccept(AGENCY, a.processInstanceId(), report);
    return assignments.find(a.id()).orElseThrow();
  }

  private String page(String user, String path) {
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
    return r.getBody();
  }

  private static String lower(String s) {
    return s.toLowerCase(VI);
  }

  private String xlsxText(long directiveId) throws Exception {
    byte[] body = http.withBasicAuth(MANAGER, "demo")
        .getForEntity("/dashboard/directives/" + directiveId + "/export.xlsx", byte[].class).getBody();
    StringBuilder b = new StringBuilder();
    DataFormatter f = new DataFormatter();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      wb.getSheetAt(0).forEach(row -> row.forEach(cell -> b.append(f.formatCellValue(cell)).append('|')));
    }
    return b.toString();
  }

  private String docxText(long directiveId) throws Exception {
    byte[] body = http.withBasicAuth("so-khdt", "demo")
        .getForEntity("/dashboard/directives/" + directiveId + "/summary.docx", byte[].class).getBody();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }

  private JsonNode apiAssignment(long directiveId, long assignmentId) throws Exception {
    String body = http.withBasicAuth(MANAGER, "demo").getForObject("/api/directives/" + directiveId, String.class);
    for (JsonNode a : json.readTree(body).get("assignments")) {
      if (a.get("id").asLong() == assignmentId) {
        return a;
      }
    }
    throw new AssertionError("assignment " + assignmentId + " not in " + body);
  }

  /** Posts the update form as its browser would: session cookie and CSRF token from the page. */
  private ResponseEntity<String> postUpdate(String user, long id, String text) {
    return postUpdate(user, "/assignments/" + id + "/update", id, text);
  }

  /** The same, with the session and CSRF token taken from the page at {@code tokenPage}. */
  private ResponseEntity<String> postUpdate(String user, String tokenPage, long id, String text) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    ResponseEntity<String> page = as.getForEntity(tokenPage, String.class);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("updateText", text);
    var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody() == null ? "" : page.getBody());
    if (csrf.find()) {
      form.add("_csrf", csrf.group(1));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    var cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies != null) {
      cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
    }
    return as.postForEntity("/assignments/" + id + "/update", new HttpEntity<>(form, headers), String.class);
  }

  @Test
  void aReportOnTimeAboutWorkInProgressNeverReadsCompletedOnAnyPageOrExport() throws Exception {
    Directive d = directives.issue(directive(LocalDate.now(clock), AGENCY));
    Assignment a = reportedInProgress(d);

    String directivePage = page(MANAGER, "/dashboard/directives/" + d.id());
    String reportPage = page(MANAGER, "/dashboard/assignments/" + a.id());
    String xlsx = xlsxText(d.id());
    String docx = docxText(d.id());
    JsonNode api = apiAssignment(d.id(), a.id());

    for (String text : new String[] {directivePage, reportPage, xlsx, docx, api.toString()}) {
      assertThat(lower(text)).doesNotContain("đã hoàn thành").contains("đã báo cáo đúng hạn")
          .contains("đang thực hiện");
    }
    assertThat(api.get("status").asText()).isEqualTo("COMPLETED_ON_TIME");
    assertThat(api.get("workStatus").asText()).isEqualTo(AgencyAssignmentProcess.STATUS_IN_PROGRESS);
    assertThat(api.get("workStatusLabel").asText()).isEqualTo("Đang thực hiện");
  }

  @Test
  void theAgencysLaterUpdateIsANewVersionAndThenTheWorkReadsCompleted() throws Exception {
    Directive d = directives.issue(directive(LocalDate.now(clock), AGENCY, "so-ct"));
    Assignment a = reportedInProgress(d);
    assertThat(page(AGENCY, "/assignments/" + a.id() + "/update"))
        .contains("Cập nhật tình trạng thực hiện nhiệm vụ", "Đang thực hiện", "Gửi cập nhật: đã hoàn thành");

    // Another agency neither sees the page nor posts the update, even with a valid session and token of its own.
    long own = assignments.ofDirective(d.id()).stream().filter(x -> x.agencyCode().equals("so-ct")).findFirst()
        .orElseThrow().id();
    assertThat(http.withBasicAuth("so-ct", "demo").getForEntity("/assignments/" + a.id() + "/update", String.class)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(postUpdate("so-ct", "/assignments/" + own + "/extension", a.id(), "Đã xong.").getStatusCode().value()).isEqualTo(404);
    // Empty text: refused in Vietnamese, nothing stored.
    ResponseEntity<String> blank = postUpdate(AGENCY, a.id(), "   ");
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(blank.getBody()).contains("Vui lòng ghi ngắn gọn kết quả hoàn thành nhiệm vụ.");
    // Too long: refused, nothing stored.
    assertThat(postUpdate(AGENCY, a.id(), "x".repeat(LaterUpdates.MAX_TEXT + 1)).getStatusCode().value())
        .isEqualTo(400);
    assertThat(assignments.versions(a.id())).hasSize(1);
    assertThat(assignments.find(a.id()).orElseThrow().report().get(AgencyAssignmentProcess.COMPLETION_STATUS.name()))
        .isEqualTo(AgencyAssignmentProcess.STATUS_IN_PROGRESS);

    ResponseEntity<String> sent = postUpdate(AGENCY, a.id(), "Đã thông xe toàn tuyến ngày 20/11.");
    assertThat(sent.getStatusCode().is3xxRedirection() || sent.getStatusCode().is2xxSuccessful()).as(sent.getStatusCode() + " " + sent.getBody()).isTrue();

    var versions = assignments.versions(a.id());
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).reviewDecision()).isEqualTo(AssignmentRepository.LATER_UPDATE);
    assertThat(versions.get(1).report()).containsEntry(AgencyAssignmentProcess.COMPLETION_STATUS.name(),
        AgencyAssignmentProcess.STATUS_COMPLETED).containsEntry(LaterUpdates.UPDATE_TEXT,
        "Đã thông xe toàn tuyến ngày 20/11.");
    Assignment after = assignments.find(a.id()).orElseThrow();
    assertThat(after.reportedAt()).as("the report's timing stays that of the report that was due")
        .isEqualTo(a.reportedAt());

    // The collector and the dashboards read the newest version, completed, with the history.
    assertThat(page("so-khdt", "/dashboard/assignments/" + a.id()))
        .contains("Lần 2", "cập nhật sau của cơ quan: đã hoàn thành", "Đã thông xe toàn tuyến ngày 20/11.");
    assertThat(page(MANAGER, "/dashboard/directives/" + d.id())).contains("thực hiện: Đã hoàn thành");
    assertThat(docxText(d.id())).contains("tình trạng thực hiện: đã hoàn thành", "Đã thông xe toàn tuyến ngày 20/11.");
    assertThat(apiAssignment(d.id(), a.id()).get("workStatusLabel").asText()).isEqualTo("Đã hoàn thành");
    // Completed once: the page offers no second update, and the API refuses one.
    assertThat(page(AGENCY, "/assignments/" + a.id() + "/update")).doesNotContain("Gửi cập nhật: đã hoàn thành");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.withBasicAuth(AGENCY, "demo").postForEntity("/api/assignments/" + a.id() + "/update",
        new HttpEntity<>("{\"updateText\":\"Lần nữa.\"}", headers), String.class).getStatusCode().value())
        .isEqualTo(400);
    assertThat(assignments.versions(a.id())).hasSize(2);
  }

  @Test
  void theApiTakesTheSameUpdateAndAnswersBadInputWithProblemDetails() throws Exception {
    Directive d = directives.issue(directive(LocalDate.now(clock), AGENCY));
    Assignment a = reportedInProgress(d);
    String path = "/api/assignments/" + a.id() + "/update";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> other = http.withBasicAuth("so-ct", "demo")
        .postForEntity(path, new HttpEntity<>("{\"updateText\":\"Xong.\"}", headers), String.class);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> blank = http.withBasicAuth(AGENCY, "demo")
        .postForEntity(path, new HttpEntity<>("{\"updateText\":\"\"}", headers), String.class);
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(blank.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(json.readTree(blank.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("updateText");
    assertThat(assignments.versions(a.id())).hasSize(1);

    ResponseEntity<String> ok = http.withBasicAuth(AGENCY, "demo")
        .postForEntity(path, new HttpEntity<>("{\"updateText\":\"Đã hoàn tất.\"}", headers), String.class);
    assertThat(ok.getStatusCode().value()).isEqualTo(201);
    assertThat(json.readTree(ok.getBody()).get("version").asInt()).isEqualTo(2);
    assertThat(apiAssignment(d.id(), a.id()).get("workStatus").asText())
        .isEqualTo(AgencyAssignmentProcess.STATUS_COMPLETED);
  }
}
