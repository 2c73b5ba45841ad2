package vn.cascade.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code cascade.api.max-request-bytes} (default 1 MB) on the API. A
 * body without a declared length (chunked) is read up to the limit first, then handed on. A letter's
 * file uploaded to the import ({@code multipart/form-data}) is left to the multipart limits and to the
 * import's own 20 MB limit; above the multipart limit, where Tomcat would refuse it in English, it is
 * refused here: in problem details on the API, on a Vietnamese page on the intake pages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  /** The import of a letter's file (vn.cascade.intake). */
  private static final java.util.Set<String> LETTER_UPLOADS = java.util.Set.of("/api/directives/import",
      "/api/conclusions/import");

  /** The same imports from Cascade's intake pages, each with the page to go back to. */
  private static final java.util.Map<String, String> PAGE_LETTER_UPLOADS = java.util.Map.of(
      "/intake/directives/import", "/intake/directives/new", "/intake/conclusions/import", "/intake/conclusions/new");

  private final long maxBytes;
  private final long uploadMaxBytes;

  RequestSizeLimitFilter(@Value("${cascade.api.max-request-bytes:1048576}") long maxBytes,
      @Value("${spring.servlet.multipart.max-request-size:26MB}") org.springframework.util.unit.DataSize uploadMax) {
    this.maxBytes = maxBytes;
    this.uploadMaxBytes = uploadMax.toBytes();
  }

  private static boolean isLetterUpload(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return LETTER_UPLOADS.contains(path) && "POST".equals(request.getMethod()) && request.getContentType() != null
        && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  private void refuseLetter(HttpServletResponse response) throws IOException {
    String message = "Tệp văn bản lớn hơn giới hạn 20 MB.";
    response.setStatus(413);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(("{\"type\":\"urn:cascade:problem:file-too-large\",\"title\":\"Tệp quá lớn\","
        + "\"status\":413,\"detail\":\"" + message + "\",\"errors\":[{\"field\":\"file\",\"message\":\"" + message
        + "\"}]}").getBytes(StandardCharsets.UTF_8));
  }

  private void refuseLetterPage(HttpServletRequest request, HttpServletResponse response, String back)
      throws IOException {
    response.setStatus(413);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Content-Security-Policy", PageSecurityHeaders.CONTENT_SECURITY_POLICY);
    response.setHeader("Referrer-Policy", PageSecurityHeaders.REFERRER_POLICY);
    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<title>Tệp quá lớn · Cascade</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
        + "/cascade/intake.css\"></head><body><main><h1>Tệp quá lớn</h1>"
        + "<p class=\"refused\">Tệp văn bản lớn hơn giới hạn 20 MB nên chưa được nhận; chưa có gì thay đổi. "
        + "Xin chọn tệp nhỏ hơn (ví dụ bản quét với độ phân giải thấp hơn) hoặc dán nội dung văn bản.</p>"
        + "<p><a href=\"" + request.getContextPath() + back + "\">Quay lại trang nhập văn bản</a></p>"
        + "</main></body></html>").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.startsWith("/engine-rest/") || PAGE_LETTER_UPLOADS.containsKey(path));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    String back = PAGE_LETTER_UPLOADS.get(request.getRequestURI().substring(request.getContextPath().length()));
    if (back != null) {
      if (length > uploadMaxBytes) {
        refuseLetterPage(request, response, back);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (isLetterUpload(request)) {
      // Above the multipart limit Tomcat would refuse it in English; the import itself refuses above 20 MB.
      if (length > uploadMaxBytes) {
        refuseLetter(response);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (length > maxBytes) {
      refuse(response);
      return;
    }
    if (length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
      byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        refuse(response);
        return;
      }
      chain.doFilter(new vn.cascade.common.BufferedBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(413);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(("{\"type\":\"urn:cascade:problem:payload-too-large\","
        + "\"title\":\"Dữ liệu quá lớn\",\"status\":413,\"detail\":\"Nội dung gửi lên vượt quá "
        + maxBytes / 1024 + " KB.\"}").getBytes(StandardCharsets.UTF_8));
  }
}
