package vn.cascade.attachment;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The attachment page's upload form, posted as the browser does. */
public final class UploadForm {

  private UploadForm() {}

  /** The page first (for its CSRF token and session), then the file. */
  public static ResponseEntity<String> post(TestRestTemplate as, long assignmentId, String name, byte[] content) {
    ResponseEntity<String> get = as.getForEntity("/assignments/" + assignmentId + "/attachments", String.class);
    String page = get.getBody();
    var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page == null ? "" : page);
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var cookies = get.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies != null) {
      cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
    }
    if (m.find()) {
      body.add("_csrf", m.group(1));
    }
    return as.postForEntity("/assignments/" + assignmentId + "/attachments", new HttpEntity<>(body, headers),
        String.class);
  }

  /** The page's *Gỡ tệp* button: the page first (CSRF token and session), then the removal. */
  public static ResponseEntity<String> remove(TestRestTemplate as, long assignmentId, long fileId) {
    ResponseEntity<String> get = as.getForEntity("/assignments/" + assignmentId + "/attachments", String.class);
    var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
        .matcher(get.getBody() == null ? "" : get.getBody());
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    if (m.find()) {
      body.add("_csrf", m.group(1));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    var cookies = get.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies != null) {
      cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
    }
    return as.postForEntity("/assignments/" + assignmentId + "/attachments/" + fileId + "/delete",
        new HttpEntity<>(body, headers), String.class);
  }
}
