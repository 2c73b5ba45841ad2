package vn.cascade.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;

/** An agency attaches its signed report; the reviewer and collector read it; nobody else does. */
class AttachmentTest extends CascadeIntegrationTest {

  static final byte[] PDF = "%PDF-1.4\n% báo cáo có chữ ký\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @Autowired TestRestTemplate anonymous;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AttachmentRepository files;

  private Assignment issue(String agency) {
    Directive d = directives.issue(directive(LocalDate.now(clock), agency));
    return assignments.ofDirective(d.id()).get(0);
  }

  private ResponseEntity<String> upload(String user, Assignment a, String name, byte[] content) {
    return UploadForm.post(anonymous.withBasicAuth(user, "demo"), a.id(), name, content);
  }

  @Test
  void anAgencyAttachesItsSignedReportAndItIsListedForTheReviewer() {
    Assignment a = issue("so-tnmt");
    ResponseEntity<String> response = upload("so-tnmt", a, "Báo cáo 8888 - Sở TN&MT.pdf", PDF);
    assertThat(response.getStatusCode().is2xxSuccessful() || response.getStatusCode().is3xxRedirection()).isTrue();
    assertThat(files.of(a.id())).singleElement().satisfies(f -> {
      assertThat(f.fileName()).isEqualTo("Báo cáo 8888 - Sở TN&MT.pdf");
      assertThat(f.contentType()).isEqualTo("application/pdf");
      assertThat(f.uploadedBy()).isEqualTo("so-tnmt");
    });
    var view = viewOf(taskOf(a.processInstanceId(), vn.cascade.assignment.AgencyAssignmentProcess.TASK_REPORT_RESULTS));
    assertThat(view).containsEntry("attachmentUrl", "/assignments/" + a.id() + "/attachments");
    assertThat(view.get("attachments").toString()).contains("Báo cáo 8888 - Sở TN&MT.pdf",
        "/assignments/" + a.id() + "/attachments/" + files.of(a.id()).get(0).id());

    long fileId = files.of(a.id()).get(0).id();
    ResponseEntity<byte[]> reviewer = anonymous.withBasicAuth("so-khdt", "demo")
        .getForEntity("/assignments/" + a.id() + "/attachments/" + fileId, byte[].class);
    assertThat(reviewer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(reviewer.getBody()).isEqualTo(PDF);
    assertThat(reviewer.getHeaders().getContentDisposition().getFilename()).isEqualTo("Báo cáo 8888 - Sở TN&MT.pdf");

    ResponseEntity<String> stranger = anonymous.withBasicAuth("ubnd-tan-phu", "demo")
        .getForEntity("/assignments/" + a.id() + "/attachments/" + fileId, String.class);
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anAgencyRemovesAFileBeforeSubmittingButNotAfterwardsAndNobodyElseDoes() {
    Assignment a = issue("so-tnmt");
    upload("so-tnmt", a, "nham-tep.pdf", PDF);
    long fileId = files.of(a.id()).get(0).id();
    assertThat(anonymous.withBasicAuth("so-tnmt", "demo").getForObject("/assignments/" + a.id() + "/attachments",
        String.class)).contains("Gỡ tệp", "1 KB");

    assertThat(UploadForm.remove(anonymous.withBasicAuth("so-khdt", "demo"), a.id(), fileId).getStatusCode())
        .as("the reviewer may read, not remove").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(files.of(a.id())).hasSize(1);
    UploadForm.remove(anonymous.withBasicAuth("so-tnmt", "demo"), a.id(), fileId);
    assertThat(files.of(a.id())).isEmpty();

    upload("so-tnmt", a, "bao-cao-da-ky.pdf", PDF);
    long kept = files.of(a.id()).get(0).id();
    clock.set(clock.instant().plusSeconds(60));
    new vn.cascade.ProcessDriver(processEngine).completeAs("so-tnmt",
        taskOf(a.processInstanceId(), vn.cascade.assignment.AgencyAssignmentProcess.TASK_REPORT_RESULTS),
        vn.cascade.TestDocuments.report("Đã thực hiện."));
    assertThat(UploadForm.remove(anonymous.withBasicAuth("so-tnmt", "demo"), a.id(), kept).getStatusCode())
        .as("a file of a submitted report stays").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(files.of(a.id())).extracting(AttachmentRepository.Attachment::id).containsExactly(kept);
  }

  @Test
  void aWrongTypeIsRefusedWithAMessageAndNothingIsStored() {
    Assignment a = issue("so-tnmt");
    ResponseEntity<String> response = upload("so-tnmt", a, "virus.exe", new byte[] {1, 2, 3});
    assertThat(response.getBody()).contains("không được chấp nhận");
    assertThat(files.of(a.id())).isEmpty();
  }

  @Test
  void anOversizedFileIsRefusedWithAMessageAndTheReportIsKept() {
    Assignment a = issue("so-tnmt");
    ResponseEntity<String> response = upload("so-tnmt", a, "quet-lon.pdf", new byte[21 * 1024 * 1024]);
    assertThat(response.getBody()).contains("lớn hơn giới hạn 20 MB");
    assertThat(files.of(a.id())).isEmpty();
    assertThat(taskOf(a.processInstanceId(), "Task_ReportResults")).isNotNull();
  }

  @Test
  void anotherAgencyCannotAttachToThisReport() {
    Assignment a = issue("so-tnmt");
    ResponseEntity<String> response = upload("ubnd-tan-phu", a, "gia-mao.pdf", PDF);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(files.of(a.id())).isEmpty();
  }
}
