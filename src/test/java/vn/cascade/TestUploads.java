package vn.cascade;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Files people edit and upload: a page's upload form posted as the browser does (a page first for
 * the CSRF token and session), a DOCX edited as in Word, the text of a DOCX.
 */
public final class TestUploads {

  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private TestUploads() {}

  public static ResponseEntity<String> post(TestRestTemplate http, String user, String path, String name, String type,
      byte[] content) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    ResponseEntity<String> get = as.getForEntity("/dashboard", String.class);
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get.getBody() == null ? "" : get.getBody());
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.parseMediaType(type));
    body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part));
    if (m.find()) {
      body.add("_csrf", m.group(1));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var cookies = get.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies != null) {
      cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
    }
    return as.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  /** The DOCX as Word saves it after the user added a paragraph. */
  public static byte[] edited(byte[] docx, String addition) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      doc.createParagraph().createRun().setText(addition);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** The text of a DOCX, read with POI. */
  public static String textOf(byte[] docx) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }

  /** A file downloaded as the user; it must answer 200. */
  public static byte[] download(TestRestTemplate http, String user, String path) {
    ResponseEntity<byte[]> r = http.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    org.assertj.core.api.Assertions.assertThat(r.getStatusCode()).as(path).isEqualTo(org.springframework.http.HttpStatus.OK);
    return r.getBody();
  }
}
