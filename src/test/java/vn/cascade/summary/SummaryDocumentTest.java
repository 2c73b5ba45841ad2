package vn.cascade.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.TestUploads;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

/**
 * The summary as a document: the collector (Sở KH&ĐT) makes the draft on its workspace, uploads
 * the edited file version after version, completes its collection task with the latest; the leader
 * approves or returns that version. Versions count uploads only: the generated draft is not stored,
 * the first upload is version 1.
 */
class SummaryDocumentTest extends CascadeIntegrationTest {

  private static final String COLLECTOR = "so-khdt";
  static final byte[] SIGNED_PDF = "%PDF-1.7\n% báo cáo tổng hợp đã ký số\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired SummaryDocuments documents;
  @Autowired ObjectMapper json;

  @Test
  void theDraftIsEditedAndUploadedVersionAfterVersionAndTheLeaderApprovesTheVersionPutBeforeThem() throws IOException {
    Directive d = collecting();
    String pi = d.processInstanceId();

    // Tạo dự thảo: the draft gathers what the agencies raised, per item.
    byte[] draft = download(COLLECTOR, "/dashboard/directives/" + d.id() + "/summary.docx");
    String text = TestUploads.textOf(draft);
    String raised = text.substring(text.indexOf("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT"), text.indexOf("V. ĐỀ XUẤT, KIẾN NGHỊ"));
    assertThat(raised).containsSubsequence("Nhiệm vụ 1", "a) Khó khăn, vướng mắc:", "- Sở Y tế: Thiếu kinh phí tiêm chủng.",
        "b) Kiến nghị, đề xuất:", "- Sở Y tế: Đề nghị bổ sung 2 tỷ đồng.",
        "Nhiệm vụ 2", "a) Khó khăn, vướng mắc: (không có)", "- Công an tỉnh: Đề nghị tăng cường lực lượng.")
        .doesNotContain("Không có.").doesNotContain("Nhiệm vụ 3");
    assertThat(documents.versions(d.id())).as("the draft is not a version").isEmpty();

    // Completing without a document is refused, naming what to do, through the task's usual path (400).
    Task collect = taskOf(pi, DirectiveProcess.TASK_COLLECT_REPORTS);
    ResponseEntity<String> refused = submit(COLLECTOR, collect.getId(), Map.of("summaryNumber", "130/BC-SKHĐT"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).path("detail").asText()).contains("Chưa có văn bản báo cáo tổng hợp",
        "Tạo dự thảo", "Chưa có gì được ghi nhận.");
    assertThat(taskOf(pi, DirectiveProcess.TASK_COLLECT_REPORTS)).isNotNull();
    assertThat((String) viewOf(collect).get("summaryDocumentMissing")).contains("Chưa có văn bản báo cáo tổng hợp");
    assertThat(http.withBasicAuth(COLLECTOR, "demo").getForObject("/dashboard/directives/" + d.id() + "/workspace",
        String.class)).contains("id=\"no-document\"", "id=\"upload-form\"", "Tạo dự thảo (DOCX)",
        "/camunda/app/tasklist/default/#/?task=" + collect.getId());

    // Version 1: the draft as generated; version 2: edited in Word. The task completes with version 2.
    assertUploaded(upload(COLLECTOR, d, "Dự thảo.docx", DOCX, draft), d, 1);
    byte[] edited = TestUploads.edited(draft, "Sở Kế hoạch và Đầu tư đề xuất gia hạn đến hết quý IV.");
    assertUploaded(upload(COLLECTOR, d, "Báo cáo tổng hợp (sửa).docx", DOCX, edited), d, 2);
    Map<String, Object> shown = viewOf(collect);
    assertThat(shown).containsEntry("summaryDocumentVersion", "2")
        .containsEntry("summaryDocumentUrl", "/dashboard/directives/" + d.id() + "/summary-documents/2")
        .containsEntry("summaryDraftUrl", "/dashboard/directives/" + d.id() + "/summary.docx")
        .doesNotContainKey("summaryDocumentMissing");
    assertThat((String) shown.get("summaryDocumentFileName")).startsWith("Báo cáo tổng hợp (sửa).docx (DOCX, ");
    assertThat((String) shown.get("summaryDocumentUploadedBy")).isNotBlank().isNotEqualTo("");
    assertThat(submit(COLLECTOR, collect.getId(), Map.of("summaryNumber", "130/BC-SKHĐT")).getStatusCode())
        .as("completes with the document, no summary text needed").isEqualTo(HttpStatus.NO_CONTENT);

    // The leader sees the document and the state of reporting, and returns it with a comment.
    Task approve = taskOf(pi, DirectiveProcess.TASK_APPROVE_SUMMARY);
    Map<String, Object> leader = viewOf(approve);
    assertThat(leader).containsEntry("summaryDocumentVersion", "2")
        .containsEntry("summaryDocumentUrl", "/dashboard/directives/" + d.id() + "/summary-documents/2");
    assertThat((String) leader.get("reportingStateText")).startsWith("Đã báo cáo 2/3 nhiệm vụ (đã báo cáo đúng hạn: 2; ")
        .contains("chưa báo cáo 1 (chưa báo cáo, trong hạn: 0; chưa báo cáo, quá hạn: 1)");
    assertThat(TestUploads.textOf(download("lanh-dao-ubnd", leader.get("summaryDocumentUrl").toString())))
        .contains("đề xuất gia hạn đến hết quý IV");
    assertThat(upload(COLLECTOR, d, "muộn.pdf", "application/pdf", SIGNED_PDF).getStatusCode())
        .as("no upload while the leader decides").isEqualTo(HttpStatus.FORBIDDEN);
    completeAs("lanh-dao-ubnd", approve, Map.of("summaryDecision", "return", "summaryComment", "Bổ sung số liệu vốn."));

    // Back to the collector with the document still there; the next upload is version 3, the signed PDF.
    collect = taskOf(pi, DirectiveProcess.TASK_COLLECT_REPORTS);
    shown = viewOf(collect);
    assertThat(shown).containsEntry("summaryDocumentVersion", "2").containsEntry("summaryReturnComment",
        "Bổ sung số liệu vốn.");
    assertThat((String) shown.get("summaryDocumentReturned")).startsWith("Phiên bản 2 đã bị lãnh đạo trả lại");
    assertUploaded(upload(COLLECTOR, d, "Báo cáo tổng hợp - đã ký.pdf", "application/pdf", SIGNED_PDF), d, 3);
    completeAs(COLLECTOR, collect, Map.of("summaryNumber", "131/BC-SKHĐT", "summaryText", "Đã bổ sung số liệu vốn."));
    Task again = taskOf(pi, DirectiveProcess.TASK_APPROVE_SUMMARY);
    assertThat(viewOf(again)).containsEntry("summaryDocumentVersion", "3").containsEntry("summaryText",
        "Đã bổ sung số liệu vốn.");
    completeAs("lanh-dao-ubnd", again, Map.of("summaryDecision", "approve", "summaryComment", "Đồng ý."));
    executeAsyncJobs();

    assertThat(documents.versions(d.id())).extracting(SummaryDocument::version, SummaryDocument::decision)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, null),
            org.assertj.core.groups.Tuple.tuple(2, SummaryDocument.RETURNED),
            org.assertj.core.groups.Tuple.tuple(3, SummaryDocument.APPROVED));
    SummaryDocument approved = documents.approved(d.id()).orElseThrow();
    assertThat(approved.version()).isEqualTo(3);
    assertThat(approved.decidedBy()).isEqualTo("lanh-dao-ubnd");
    assertThat(documents.versions(d.id()).get(1).decisionComment()).isEqualTo("Bổ sung số liệu vốn.");
    assertThat(download("lanh-dao-ubnd", approved.url())).isEqualTo(SIGNED_PDF);
    String dashboard = http.withBasicAuth("vp-ubnd", "demo").getForObject("/dashboard/directives/" + d.id(), String.class);
    assertThat(dashboard).contains("văn bản được phê duyệt:", "phiên bản 3 (Báo cáo tổng hợp - đã ký.pdf)");
    assertThat(directives.get(d.id()).summaryNumber()).isEqualTo("131/BC-SKHĐT");
  }

  @Test
  void aReportArrivingAfterTheCollectionOpenedIsMarkedLateOnTheWorkspaceAndInTheRegeneratedDraft() throws IOException {
    Directive d = collecting();
    String draftUrl = "/dashboard/directives/" + d.id() + "/summary.docx";
    String workspaceUrl = "/dashboard/directives/" + d.id() + "/workspace";
    String first = TestUploads.textOf(download(COLLECTOR, draftUrl));
    assertThat(first.substring(first.indexOf("III. CÁC CƠ QUAN"), first.indexOf("IV. KHÓ KHĂN")))
        .contains("UBND TP Long Khánh");
    assertThat(first).doesNotContain("Báo cáo muộn của Long Khánh.").doesNotContain("đến sau khi mở tổng hợp");
    assertThat(http.withBasicAuth(COLLECTOR, "demo").getForObject(workspaceUrl, String.class))
        .doesNotContain("id=\"late-arrivals\"");
    assertUploaded(upload(COLLECTOR, d, "Dự thảo.docx", DOCX, download(COLLECTOR, draftUrl)), d, 1);

    // Three hours later UBND TP Long Khánh reports and its report is accepted: after the collection opened.
    clock.set(clock.instant().plus(Duration.ofHours(3)));
    Assignment district = assignments.ofDirective(d.id()).stream()
        .filter(a -> a.agencyCode().equals("ubnd-long-khanh")).findFirst().orElseThrow();
    reportAndAccept("ubnd-long-khanh", district.processInstanceId(),
        TestDocuments.report("Báo cáo muộn của Long Khánh.", "Đã rà soát mặt bằng."));

    String workspace = http.withBasicAuth(COLLECTOR, "demo").getForObject(workspaceUrl, String.class);
    String report = workspace.substring(workspace.indexOf("id=\"report-" + district.id() + "\""));
    assertThat(report.substring(0, report.indexOf("</article>"))).contains("data-late=\"true\"",
        "Đến muộn — sau khi mở tổng hợp", "Báo cáo muộn của Long Khánh.", "Đã rà soát mặt bằng.");
    String notice = workspace.substring(workspace.indexOf("id=\"late-arrivals\""));
    assertThat(notice.substring(0, notice.indexOf("</div>"))).contains("data-late-agency=\"ubnd-long-khanh\"",
        "UBND TP Long Khánh", "href=\"#report-" + district.id() + "\"", VnDates.formatWithTime(clock.instant()),
        "đến sau phiên bản 1 đã tải lên, chưa có trong phiên bản đó")
        .doesNotContain("data-late-agency=\"so-yt\"").doesNotContain("data-late-agency=\"ca-tinh\"");

    // Tạo dự thảo again: the late report is in it, marked, and no longer among the missing.
    byte[] regenerated = download(COLLECTOR, draftUrl);
    String text = TestUploads.textOf(regenerated);
    assertThat(text.substring(text.indexOf("I. TÌNH HÌNH BÁO CÁO"), text.indexOf("II. KẾT QUẢ")))
        .contains("có 1 báo cáo đến sau khi mở tổng hợp", "Ủy ban nhân dân thành phố Long Khánh (nhiệm vụ 3, ngày "
            + VnDates.format(clock.instant()) + ")", "0 nhiệm vụ chưa báo cáo");
    assertThat(text.substring(text.indexOf("II. KẾT QUẢ"), text.indexOf("III. CÁC CƠ QUAN")))
        .containsSubsequence("Long Khánh", "Nhiệm vụ 3 — báo cáo ngày " + VnDates.format(clock.instant()),
            "đến sau khi mở tổng hợp", "Đã rà soát mặt bằng.", "Báo cáo muộn của Long Khánh.");
    assertThat(text.substring(text.indexOf("III. CÁC CƠ QUAN"), text.indexOf("IV. KHÓ KHĂN")))
        .contains("Tất cả các cơ quan, đơn vị đã báo cáo.").doesNotContain("Long Khánh");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(regenerated))) {
      var table = doc.getTables().get(1);
      var row = table.getRows().stream().filter(r -> r.getCell(1).getText().contains("Long Khánh")).findFirst()
          .orElseThrow();
      assertThat(row.getCell(4).getText()).contains("đến sau khi mở tổng hợp");
      assertThat(table.getRows().stream().filter(r -> r.getCell(1).getText().equals("Sở Y tế")).findFirst().orElseThrow()
          .getCell(4).getText()).doesNotContain("đến sau khi mở tổng hợp");
    }
  }

  @Test
  void onlyTheCollectingAgencyUploadsAndAFakeAnEmptyOrAnOversizeFileIsRefusedWithNothingStored() throws IOException {
    Directive d = collecting();
    for (String other : new String[] {"so-yt", "vp-ubnd", "lanh-dao-ubnd"}) {
      assertThat(upload(other, d, "Báo cáo.pdf", "application/pdf", SIGNED_PDF).getStatusCode()).as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.withBasicAuth("so-yt", "demo").getForEntity("/dashboard/directives/" + d.id()
        + "/summary-documents/1", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, ResponseEntity<String>> refused = new LinkedHashMap<>();
    refused.put("không phải tệp PDF thật", upload(COLLECTOR, d, "Báo cáo.pdf", "application/pdf",
        "<html>không phải PDF</html>".getBytes(StandardCharsets.UTF_8)));
    refused.put("không phải tệp Word (DOCX) thật", upload(COLLECTOR, d, "Báo cáo.docx", DOCX, SIGNED_PDF));
    refused.put("trống (0 byte)", upload(COLLECTOR, d, "Báo cáo.docx", DOCX, new byte[0]));
    refused.put("chỉ nhận tệp Word (DOCX) hoặc PDF", upload(COLLECTOR, d, "Báo cáo.doc", "application/msword",
        SIGNED_PDF));
    byte[] oversize = new byte[(int) documents.maxBytes() + 1];
    System.arraycopy(SIGNED_PDF, 0, oversize, 0, SIGNED_PDF.length);
    refused.put("lớn hơn giới hạn 20 MB", upload(COLLECTOR, d, "Báo cáo lớn.pdf", "application/pdf", oversize));
    refused.forEach((message, response) -> {
      assertThat(response.getStatusCode()).as(message).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(message).contains(message, "Chưa có gì được lưu.", "Tải lên phiên bản mới");
    });
    ResponseEntity<String> nul = upload(COLLECTOR, d, "bao\u0000cao.pdf", "application/pdf", SIGNED_PDF);
    assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nul.getBody()).contains("ký tự điều khiển", "/dashboard/directives/" + d.id() + "/workspace#summary");
    assertThat(documents.versions(d.id())).isEmpty();
  }

  // ---------------------------------------------------------------- the fixture

  private static final String DOCX = TestUploads.DOCX;

  /**
   * Three items: Sở Y tế and Công an tỉnh report (one with difficulties and proposals, one with a
   * proposal only), UBND TP Long Khánh does not; the reporting deadline passes and the collection opens.
   */
  private Directive collecting() {
    Directive d = directives.issue(TestDocuments.directive(LocalDate.now(clock), "so-yt", "ca-tinh", "ubnd-long-khanh"));
    Map<String, Object> health = TestDocuments.report("Đã tiêm 12.000 liều.", "Đã tiêm chủng.");
    health.put(AgencyAssignmentProcess.DIFFICULTIES.name(), "Thiếu kinh phí tiêm chủng.");
    health.put(AgencyAssignmentProcess.PROPOSALS.name(), "Đề nghị bổ sung 2 tỷ đồng.");
    Map<String, Object> police = TestDocuments.report("Bảo đảm an ninh.", "Đã tuần tra.");
    police.put(AgencyAssignmentProcess.PROPOSALS.name(), "Đề nghị tăng cường lực lượng.");
    for (Assignment a : assignments.ofDirective(d.id())) {
      if (a.agencyCode().equals("so-yt")) {
        reportAndAccept("so-yt", a.processInstanceId(), health);
      } else if (a.agencyCode().equals("ca-tinh")) {
        reportAndAccept("ca-tinh", a.processInstanceId(), police);
      }
    }
    clock.set(VnDates.dueBefore(d.reportDeadline()).plus(Duration.ofHours(2)));
    String pi = directives.get(d.id()).processInstanceId();
    Job timer = managementService.createJobQuery().processInstanceId(pi).timers()
        .activityId(DirectiveProcess.BOUNDARY_DEADLINE_PASSED).singleResult();
    managementService.executeJob(timer.getId());
    assertThat(taskOf(pi, DirectiveProcess.TASK_COLLECT_REPORTS)).isNotNull();
    return directives.get(d.id());
  }

  private void assertUploaded(ResponseEntity<String> response, Directive d, int version) {
    assertThat(response.getStatusCode().is3xxRedirection() || response.getStatusCode().is2xxSuccessful())
        .as(response.getBody()).isTrue();
    assertThat(documents.latest(d.id())).get().extracting(SummaryDocument::version).isEqualTo(version);
    assertThat(documents.latest(d.id()).orElseThrow().uploadedBy()).isEqualTo(COLLECTOR);
  }

  private byte[] download(String user, String path) {
    return TestUploads.download(http, user, path);
  }


  private ResponseEntity<String> upload(String user, Directive d, String name, String type, byte[] content) {
    return TestUploads.post(http, user, "/dashboard/directives/" + d.id() + "/workspace/summary", name, type, content);
  }

  /** Claims the task and submits its form over {@code /engine-rest}, as Tasklist does. */
  private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    as.postForEntity("/engine-rest/task/" + taskId + "/claim", jsonBody(Map.of("userId", user)), String.class);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return as.postForEntity("/engine-rest/task/" + taskId + "/submit-form", jsonBody(Map.of("variables", variables)),
        String.class);
  }

  private static HttpEntity<Object> jsonBody(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
