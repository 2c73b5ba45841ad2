package vn.cascade.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;

/** The import over HTTP: the office sends a letter's text and gets the proposed draft; nothing starts. */
class IntakeApiTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate anonymous;
  @Autowired ObjectMapper json;

  private ResponseEntity<JsonNode> post(String user, String path, String text) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
    return anonymous.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
        new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
  }

  private long startedDirectives() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(DirectiveProcess.KEY).count();
  }

  @Test
  void theOfficeImportsTheSeedLettersAndTheDraftIsAcceptedAsItIs() throws Exception {
    long before = startedDirectives();

    ResponseEntity<JsonNode> directive = post("vp-ubnd", "/api/directives/import", SeedImportTest.seed());
    assertThat(directive.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = directive.getBody();
    assertThat(body.at("/draft/number").asText()).isEqualTo("8888/UBND-THNC");
    assertThat(body.at("/draft/issuedOn").asText()).isEqualTo("2020-07-30");
    assertThat(body.at("/draft/items")).hasSize(14);
    assertThat(body.at("/draft/items/1/bullets/2/coordinating/0").asText()).isEqualTo("ban-qlda");
    assertThat(body.at("/implementsConclusion/number").asText()).isEqualTo("1098-KL/TU");
    assertThat(body.at("/sources/number").asText()).isEqualTo("Số: 8888 /UBND-THNC");
    assertThat(body.get("problems")).isEmpty();
    assertThat(startedDirectives()).isEqualTo(before);

    ResponseEntity<JsonNode> conclusion = post("lanh-dao-ubnd", "/api/conclusions/import", SeedImportTest.seed());
    assertThat(conclusion.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(conclusion.getBody().at("/draft/number").asText()).isEqualTo("1098-KL/TU");
    assertThat(conclusion.getBody().at("/draft/items")).hasSize(9);

    // The proposed draft, under a new number and today's dates, is what POST /api/directives takes.
    LocalDate today = LocalDate.now(clock);
    DirectiveDraft draft = json.treeToValue(body.get("draft"), DirectiveDraft.class)
        .withMetadata(TestDocuments.uniqueNumber("UBND-THNC"), today, "V/v nhập từ văn bản", today.plusDays(16),
            today.plusDays(21))
        .withConclusionNumber(null);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> issued = anonymous.withBasicAuth("vp-ubnd", "demo").exchange("/api/directives",
        HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(draft), headers), JsonNode.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(startedDirectives()).isEqualTo(before + 1);
  }

  @Test
  void anAgencyMayNotImportAndEmptyOrNonLetterTextIsRefusedInVietnamese() {
    assertThat(post("so-yt", "/api/directives/import", SeedImportTest.DIRECTORY.province()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    for (String text : new String[] {"   \n ", "Xin chào, đây là một ghi chú."}) {
      for (String path : new String[] {"/api/directives/import", "/api/conclusions/import"}) {
        ResponseEntity<JsonNode> refused = post("vp-ubnd", path, text);
        assertThat(refused.getStatusCode()).as(path + " " + text).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("text");
      }
    }
  }

  private ResponseEntity<JsonNode> upload(String user, String path, String fileName, String type, byte[] bytes) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    if (bytes != null) {
      HttpHeaders part = new HttpHeaders();
      part.setContentType(MediaType.parseMediaType(type));
      form.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
        @Override
        public String getFilename() {
          return fileName;
        }
      }, part));
    } else {
      form.add("note", "không có tệp");
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return anonymous.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers),
        JsonNode.class);
  }

  @Test
  void theOfficeUploadsTheLettersPdfAndBadFilesGetAVietnameseProblem() throws Exception {
    long before = startedDirectives();
    byte[] pdf = LetterDocuments.pdf(SeedImportTest.seed());

    ResponseEntity<JsonNode> directive = upload("vp-ubnd", "/api/directives/import", "8888.pdf", "application/pdf", pdf);
    assertThat(directive.getStatusCode()).as("%s", directive.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(directive.getBody().at("/draft/number").asText()).isEqualTo("8888/UBND-THNC");
    assertThat(directive.getBody().at("/draft/items")).hasSize(14);
    assertThat(directive.getBody().get("problems")).isEmpty();
    ResponseEntity<JsonNode> conclusion = upload("vp-ubnd", "/api/conclusions/import", "8888.pdf", "application/pdf", pdf);
    assertThat(conclusion.getBody().at("/draft/items")).hasSize(9);
    assertThat(upload("so-yt", "/api/directives/import", "8888.pdf", "application/pdf", pdf).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
      z.putNextEntry(new java.util.zip.ZipEntry("anh/chan-dung.txt"));
      z.write("không phải văn bản Word".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    byte[] large = new byte[(int) LetterFiles.MAX_BYTES + 1];
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
    String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    Object[][] bad = {
        {"trong.pdf", "application/pdf", new byte[0], 400, "trống"},
        {"trang-trang.docx", docx, LetterDocuments.docx("\n\n"), 400, "Không tìm thấy chữ nào"},
        {"lon.pdf", "application/pdf", large, 413, "20 MB"},
        {"mat-khau.pdf", "application/pdf", passwordProtected(pdf), 400, "mật khẩu"},
        {"nen.docx", docx, zip.toByteArray(), 400, "không phải văn bản Word"},
        {"cu.doc", "application/msword", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 1}, 400, ".docx"},
        {"van-ban.txt", "text/plain", new byte[] {'S', 'o', (byte) 0xC3, '(', 0x20}, 400, "UTF-8"},
        {"chuong-trinh.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0, 3, 0}, 400, "Chỉ nhận tệp PDF, DOCX"},
        {"anh.png", "image/png", "không phải ảnh".getBytes(StandardCharsets.UTF_8), 400, "không đúng định dạng"},
    };
    for (Object[] b : bad) {
      ResponseEntity<JsonNode> refused = upload("vp-ubnd", "/api/directives/import", (String) b[0], (String) b[1],
          (byte[]) b[2]);
      assertThat(refused.getStatusCode().value()).as((String) b[0]).isEqualTo(b[3]);
      assertThat(refused.getHeaders().getContentType().toString()).as((String) b[0]).startsWith("application/problem+json");
      assertThat(refused.getBody().get("detail").asText()).as((String) b[0]).contains((String) b[4]);
      assertThat(refused.getBody().at("/errors/0/field").asText()).as((String) b[0]).isEqualTo("file");
    }
    // Above the multipart limit (a 30 MB file, sent with its length as a browser does) the answer is the same.
    ResponseEntity<JsonNode> huge = uploadWithLength("/api/directives/import", "rat-lon.pdf",
        java.util.Arrays.copyOf(large, 30 * 1024 * 1024));
    assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(huge.getBody().at("/errors/0/message").asText()).contains("20 MB");
    ResponseEntity<JsonNode> noFile = upload("vp-ubnd", "/api/conclusions/import", null, null, null);
    assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noFile.getBody().at("/errors/0/message").asText()).startsWith("Chưa chọn tệp");
    assertThat(startedDirectives()).isEqualTo(before);
  }

  /** A multipart body built here, so that the request carries its Content-Length. */
  private ResponseEntity<JsonNode> uploadWithLength(String path, String fileName, byte[] bytes) throws java.io.IOException {
    String boundary = "cascade-test-boundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
    return anonymous.withBasicAuth("vp-ubnd", "demo").exchange(path, HttpMethod.POST,
        new HttpEntity<>(body.toByteArray(), headers), JsonNode.class);
  }

  private static byte[] passwordProtected(byte[] pdf) throws java.io.IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("chu-so-huu", "mo-tep",
          new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    }
  }
}
