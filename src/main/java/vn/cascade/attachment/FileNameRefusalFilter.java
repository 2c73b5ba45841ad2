package vn.cascade.attachment;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Tomcat refuses a file name with a NUL byte while it reads the upload, before Cascade's security
 * (the CSRF check reads the form) or the controller sees it: the exception would answer 500. This
 * answers 400 with a page that says why and leads back to the attachment page (or to the workspace,
 * for the collector's summary document, or to the report back page); nothing was stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FileNameRefusalFilter extends OncePerRequestFilter {

  private static final Pattern UPLOAD = Pattern.compile("/assignments/(\\d+)/attachments");
  /** The documents uploaded on a page (the collector's summary, the report back), refused the same way. */
  private record DocumentUpload(Pattern path, String what, String back, String backText) {}

  private static final List<DocumentUpload> DOCUMENTS = List.of(
      new DocumentUpload(Pattern.compile("/dashboard/directives/(\\d+)/workspace/summary"), "báo cáo tổng hợp",
          "/dashboard/directives/%s/workspace#summary", "← Quay lại hồ sơ tổng hợp báo cáo"),
      new DocumentUpload(Pattern.compile("/dashboard/conclusions/(\\d+)/report-back"), "báo cáo Ban Thường vụ Tỉnh ủy",
          "/dashboard/conclusions/%s/report-back#report-back", "← Quay lại trang Báo cáo Ban Thường vụ Tỉnh ủy"));

  private final TemplateEngine templates;

  FileNameRefusalFilter(TemplateEngine templates) {
    this.templates = templates;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !(UPLOAD.matcher(path(request)).matches()
            || DOCUMENTS.stream().anyMatch(d -> d.path().matcher(path(request)).matches()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (InvalidFileNameException e) {
      if (response.isCommitted()) {
        throw e;
      }
      Matcher m = UPLOAD.matcher(path(request));
      Context page = new Context();
      page.setVariable("contextPath", request.getContextPath());
      if (m.matches()) {
        page.setVariable("message", AttachmentService.CONTROL_IN_NAME);
        page.setVariable("back", request.getContextPath() + "/assignments/" + m.group(1) + "/attachments");
      } else {
        for (DocumentUpload d : DOCUMENTS) {
          Matcher document = d.path().matcher(path(request));
          if (document.matches()) {
            page.setVariable("title", "Tải lên " + d.what());
            page.setVariable("message", "Tên tệp có ký tự điều khiển (ví dụ ký tự NUL), không dùng được cho " + d.what()
                + ". Xin đổi tên tệp rồi tải lên lại.");
            page.setVariable("back", request.getContextPath() + d.back().formatted(document.group(1)));
            page.setVariable("backText", d.backText());
          }
        }
      }
      response.resetBuffer();
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(templates.process("attachment-refused", page));
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
