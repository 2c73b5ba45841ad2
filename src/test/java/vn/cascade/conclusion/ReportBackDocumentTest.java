package vn.cascade.conclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.LibreOffice;
import vn.cascade.TestDocuments;
import vn.cascade.TestUploads;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;
import vn.cascade.summary.DocumentSubject;
import vn.cascade.summary.SummaryDocument;
import vn.cascade.summary.SummaryDocuments;

/**
 * The report back to Ban Thường vụ Tỉnh ủy as a document, made the way the summary is: Văn phòng
 * UBND generates the draft from the Conclusion's key tasks, the approved summary and each
 * assignment's state, uploads the edited file version after version, completes Chuẩn bị báo cáo
 * with the latest; the leader returns or approves that version.
 */
class ReportBackDocumentTest extends CascadeIntegrationTest {

  private static final String OFFICE = "vp-ubnd";
  private static final String LEADER = "lanh-dao-ubnd";
  private static final byte[] SIGNED_PDF = "%PDF-1.7\n% báo cáo đã ký số\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Autowired TestRestTemplate http;
  @Autowired ConclusionService conclusions;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired SummaryDocuments documents;

  @Test
  void libreOfficeTurnsTheReportBackDraftIntoAPdfWithItsTitleNumberTablesAndSignature() throws Exception {
    LibreOffice.requireInstalled();
    Conclusion c = preparing();
    Directive d = directives.ofConclusion(c.id()).orElseThrow();
    byte[] draft = download(OFFICE, "/dashboard/conclusions/" + c.id() + "/report-back.docx");

    byte[] pdf = LibreOffice.toPdf(Map.of("report-back.docx", draft)).get("report-back.docx");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isPositive();
      String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
          .replaceAll("\\s+", " ");
      assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-UBND", "BÁO CÁO",
          "Kết quả thực hiện Kết luận số " + c.number());
      // Each key task's table of assignments, with the agencies and their states.
      assertThat(text).containsSubsequence("1. Rà soát kết quả thực hiện.", "Công văn số " + d.number(), "Sở Y tế",
          "đã báo cáo đúng hạn", "Công an tỉnh", "đã báo cáo quá hạn", "2. Thu hút đầu tư.", "chưa báo cáo");
      // The recipients and the signature block, after the body.
      assertThat(text).containsSubsequence("III. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (báo cáo);",
          "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
    }
  }

  @Test
  void theReportBackIsDraftedFromTheLineageUploadedReturnedAndApprovedVersionByVersion() throws IOException {
    Conclusion c = preparing();
    Directive d = directives.ofConclusion(c.id()).orElseThrow();
    String pi = c.processInstanceId();
    String page = "/dashboard/conclusions/" + c.id() + "/report-back";

    // The draft: one section per key task, its lineage and each assignment's state, the approved summary.
    byte[] draft = download(OFFICE, page + ".docx");
    String text = TestUploads.textOf(draft);
    assertThat(text).contains("ỦY BAN NHÂN DÂN", "Số:      /BC-UBND", "BÁO CÁO",
        "Kết quả thực hiện Kết luận số " + c.number() + " ngày " + VnDates.format(c.issuedOn()),
        "Công văn số " + d.number() + " ngày " + VnDates.format(d.issuedOn()),
        "tại Báo cáo số 200/BC-SKHĐT (phiên bản 1, lãnh đạo UBND tỉnh phê duyệt ngày",
        "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (báo cáo);", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
        .containsSubsequence("1. Rà soát kết quả thực hiện.",
            "Kết luận số " + c.number() + " (nhiệm vụ 1) → Công văn số " + d.number() + " ngày "
                + VnDates.format(d.issuedOn()) + " (nhiệm vụ 1, 2) → 2 nhiệm vụ",
            "1 đã báo cáo đúng hạn, 1 đã báo cáo quá hạn, 0 chưa báo cáo",
            "2. Thu hút đầu tư.", "(nhiệm vụ 2) → Công văn số " + d.number(), "(nhiệm vụ 3) → 1 nhiệm vụ",
            "0 đã báo cáo đúng hạn, 0 đã báo cáo quá hạn, 1 chưa báo cáo", "III. ĐỀ XUẤT, KIẾN NGHỊ");
    assertThat(rows(draft, 1)).containsExactly(List.of("Sở Y tế", "đã báo cáo đúng hạn"),
        List.of("Công an tỉnh", "đã báo cáo quá hạn"));
    assertThat(rows(draft, 2)).containsExactly(List.of("Ủy ban nhân dân thành phố Long Khánh", "chưa báo cáo, quá hạn"));

    // Only Văn phòng UBND uploads, only while its task is open; agencies do not even see the page.
    assertThat(http.withBasicAuth("so-yt", "demo").getForEntity(page, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    for (String other : new String[] {"so-khdt", LEADER}) {
      assertThat(upload(other, c, "Báo cáo.pdf", "application/pdf", SIGNED_PDF).getStatusCode()).as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<String> fake = upload(OFFICE, c, "Báo cáo.pdf", "application/pdf",
        "<html>không phải PDF</html>".getBytes(StandardCharsets.UTF_8));
    assertThat(fake.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fake.getBody()).contains("không phải tệp PDF thật", "Chưa có gì được lưu.", "Tải lên phiên bản mới");
    ResponseEntity<String> nul = upload(OFFICE, c, "bao\u0000cao.pdf", "application/pdf", SIGNED_PDF);
    assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nul.getBody()).contains("ký tự điều khiển", page + "#report-back");
    assertThat(documents.versions(subject(c))).as("nothing stored").isEmpty();

    // Without a version the task does not complete.
    Task prepare = taskOf(pi, PartyConclusionProcess.TASK_PREPARE_REPORT_BACK);
    assertThat((String) viewOf(prepare).get("reportBackDocumentMissing")).contains("Chưa có văn bản báo cáo");
    assertThatThrownBy(() -> completeAs(OFFICE, prepare, Map.of("reportBackNumber", "300-BC/UBND")))
        .hasMessageContaining("Chưa có văn bản báo cáo Ban Thường vụ Tỉnh ủy");

    // Version 1, the draft as generated; the leader sees it and returns it with a comment.
    assertUploaded(upload(OFFICE, c, "Dự thảo báo cáo.docx", TestUploads.DOCX, draft), c, 1);
    assertThat(viewOf(prepare)).containsEntry("reportBackDocumentVersion", "1")
        .containsEntry("reportBackDocumentUrl", page + "/documents/1").containsEntry("reportBackDraftUrl", page + ".docx");
    completeAs(OFFICE, prepare, Map.of("reportBackNumber", "300-BC/UBND"));
    Task approve = taskOf(pi, PartyConclusionProcess.TASK_APPROVE_REPORT_BACK);
    Map<String, Object> leader = viewOf(approve);
    assertThat(leader).containsEntry("reportBackDocumentVersion", "1").containsEntry("reportBackPageUrl", page);
    assertThat((String) leader.get("reportBackDocumentFileName")).startsWith("Dự thảo báo cáo.docx (DOCX, ");
    assertThat((String) leader.get("reportBackDocumentUploadedBy")).isNotBlank();
    assertThat(download(LEADER, (String) leader.get("reportBackDocumentUrl"))).isEqualTo(draft);
    completeAs(LEADER, approve, Map.of("reportBackDecision", "return", "reportBackComment", "Bổ sung kiến nghị."));

    // Back to the office with version 1 still there; version 2, edited, is approved.
    Task again = taskOf(pi, PartyConclusionProcess.TASK_PREPARE_REPORT_BACK);
    assertThat(viewOf(again)).containsEntry("reportBackDocumentVersion", "1")
        .containsEntry("reportBackReturnComment", "Bổ sung kiến nghị.");
    assertThat((String) viewOf(again).get("reportBackDocumentReturned")).startsWith("Phiên bản 1 đã bị lãnh đạo trả lại");
    byte[] edited = TestUploads.edited(draft, "Kiến nghị Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy phối hợp.");
    assertUploaded(upload(OFFICE, c, "Báo cáo Ban Thường vụ (sửa).docx", TestUploads.DOCX, edited), c, 2);
    completeAs(OFFICE, again, Map.of("reportBackNumber", "301-BC/UBND"));
    completeAs(LEADER, taskOf(pi, PartyConclusionProcess.TASK_APPROVE_REPORT_BACK),
        Map.of("reportBackDecision", "approve", "reportBackComment", "Đồng ý."));
    executeAsyncJobs();

    assertThat(documents.versions(subject(c))).extracting(SummaryDocument::version, SummaryDocument::decision)
        .containsExactly(tuple(1, SummaryDocument.RETURNED), tuple(2, SummaryDocument.APPROVED));
    SummaryDocument approved = documents.approved(subject(c)).orElseThrow();
    assertThat(approved.decidedBy()).isEqualTo(LEADER);
    assertThat(documents.versions(subject(c)).get(0).decisionComment()).isEqualTo("Bổ sung kiến nghị.");
    assertThat(conclusions.get(c.id()).reportBackNumber()).isEqualTo("301-BC/UBND");
    assertThat(documents.approved(d.id())).as("the summary's record is its own").get()
        .extracting(SummaryDocument::version).isEqualTo(1);
    assertThat(http.withBasicAuth(OFFICE, "demo").getForObject("/dashboard/directives/" + d.id(), String.class))
        .contains("id=\"report-back-approved\"", "phiên bản 2 (Báo cáo Ban Thường vụ (sửa).docx)");
    assertThat(http.withBasicAuth(LEADER, "demo").getForObject(page, String.class))
        .contains("data-version=\"2\" data-decision=\"approved\"", "id=\"reported-back\"", "301-BC/UBND");
    assertThat(upload(OFFICE, c, "Muộn.pdf", "application/pdf", SIGNED_PDF).getStatusCode())
        .as("the task has ended").isEqualTo(HttpStatus.FORBIDDEN);
  }

  // ---------------------------------------------------------------- the fixture

  /**
   * A Conclusion of two key tasks implemented by one directive: items 1 and 2 (Sở Y tế, Công an
   * tỉnh) carry key task 1, item 3 (UBND TP Long Khánh) key task 2. Sở Y tế reports on time, Công
   * an tỉnh after the deadline, Long Khánh not at all; the summary is approved as version 1 and
   * Văn phòng UBND's Chuẩn bị báo cáo opens.
   */
  private Conclusion preparing() {
    Conclusion c = conclusions.register(TestDocuments.conclusion(LocalDate.now(clock).minusDays(14)));
    completeAs(OFFICE, taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_RECORD_RECEIPT),
        Map.of("incomingNumber", "7.17.BCS", "incomingDate", LocalDate.now(clock).minusDays(7).toString()));
    DirectiveDraft t = TestDocuments.directive(LocalDate.now(clock), "so-yt", "ca-tinh", "ubnd-long-khanh");
    List<DirectiveDraft.Item> items = t.items().stream().map(i -> new DirectiveDraft.Item(i.number(), i.heading(),
        i.agencies(), List.of(i.number() == 3 ? 2 : 1), i.bullets())).toList();
    long directiveId = conclusions.attachDirectiveDraft(c.id(), new DirectiveDraft(t.number(), t.issuedOn(), t.place(),
        t.issuer(), t.issuerAgency(), t.signer(), t.signerTitle(), t.title(), t.addressees(), t.preamble(),
        t.reportDeadline(), t.reportTo(), t.reportInstruction(), t.summaryDeadline(), t.collectingAgency(),
        t.summaryInstruction(), t.monitoringAgency(), t.monitoringInstruction(), t.conclusionNumber(), t.recipients(),
        items, t.reminderOffsetsDays(), t.reviewingAgency()));
    completeAs(OFFICE, taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_DRAFT_DIRECTIVE), Map.of());
    completeAs(LEADER, taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_APPROVE_DIRECTIVE),
        Map.of("directiveDecision", "approve", "approvalComment", "Đồng ý ban hành."));
    Directive d = directives.get(directiveId);
    reportAndAccept("so-yt", assignment(d, "so-yt").processInstanceId(), TestDocuments.report("Đã rà soát.", "Xong."));
    clock.set(VnDates.dueBefore(d.reportDeadline()).plus(Duration.ofHours(2)));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(d.processInstanceId()).timers()
        .activityId(DirectiveProcess.BOUNDARY_DEADLINE_PASSED).singleResult().getId());
    reportAndAccept("ca-tinh", assignment(d, "ca-tinh").processInstanceId(), TestDocuments.report("Muộn.", "Xong."));
    driver().uploadSummaryDocument(d.processInstanceId(), "so-khdt");
    completeAs("so-khdt", taskOf(d.processInstanceId(), DirectiveProcess.TASK_COLLECT_REPORTS),
        Map.of("summaryNumber", "200/BC-SKHĐT"));
    completeAs(LEADER, taskOf(d.processInstanceId(), DirectiveProcess.TASK_APPROVE_SUMMARY),
        Map.of("summaryDecision", "approve", "summaryComment", "Đồng ý."));
    executeAsyncJobs();
    assertThat(taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_PREPARE_REPORT_BACK)).isNotNull();
    return conclusions.get(c.id());
  }

  private Assignment assignment(Directive d, String agency) {
    return assignments.ofDirective(d.id()).stream().filter(a -> a.agencyCode().equals(agency)).findFirst()
        .orElseThrow();
  }

  private static DocumentSubject subject(Conclusion c) {
    return ConclusionService.reportBackDocument(c);
  }

  /** Agency and state of each row of the draft's table for the given key task (tables after the heading). */
  private static List<List<String>> rows(byte[] docx, int keyTask) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      // Tables: heading, one per key task, footer.
      XWPFTable t = doc.getTables().get(keyTask);
      assertThat(t.getRow(0).getCell(4).getText()).isEqualTo("Tình trạng");
      return t.getRows().stream().skip(1).map(r -> List.of(r.getCell(1).getText(), r.getCell(4).getText())).toList();
    }
  }

  private void assertUploaded(ResponseEntity<String> response, Conclusion c, int version) {
    // The page redirects back to itself (followed by the client) saying which version was saved.
    assertThat(response.getStatusCode().is3xxRedirection() || response.getBody().contains("id=\"upload-saved\""))
        .as(response.getBody()).isTrue();
    SummaryDocument latest = documents.latest(subject(c)).orElseThrow();
    assertThat(latest.version()).isEqualTo(version);
    assertThat(latest.uploadedBy()).isEqualTo(OFFICE);
  }

  private byte[] download(String user, String path) {
    return TestUploads.download(http, user, path);
  }


  private ResponseEntity<String> upload(String user, Conclusion c, String name, String type, byte[] content) {
    return TestUploads.post(http, user, "/dashboard/conclusions/" + c.id() + "/report-back", name, type, content);
  }
}
