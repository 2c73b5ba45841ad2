package vn.cascade.attachment;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * answers 400 with a page that says why and leads back to the attachment page; nothing was stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FileNameRefusalFilter extends OncePerRequestFilter {

  private static final Pattern UPLOAD = Pattern.compile("/assignments/(\\d+)/attachments");

  private final TemplateEngine templates;

  FileNameRefusalFilter(TemplateEngine templates) {
    this.templates = templates;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !UPLOAD.matcher(path(request)).matches();
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
      m.matches();
      Context page = new Context();
      page.setVariable("message", AttachmentService.CONTROL_IN_NAME);
      page.setVariable("contextPath", request.getContextPath());
      page.setVariable("back", request.getContextPath() + "/assignments/" + m.group(1) + "/attachments");
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
