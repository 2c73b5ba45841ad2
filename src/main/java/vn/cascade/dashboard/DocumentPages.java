package vn.cascade.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.summary.DocumentSubject;
import vn.cascade.summary.SummaryDocument;
import vn.cascade.summary.SummaryDocuments;

/**
 * What the pages that take a document (the collector's workspace, the report back page) share:
 * storing an upload, downloading a version, answering a file above the multipart limit.
 */
final class DocumentPages {

  private DocumentPages() {}

  /**
   * The upload form's post: refused with 403 ({@code forbidden}) unless the user may upload now;
   * a stored file redirects to {@code back} saying its version; a refused file answers the page
   * again ({@code page}) with 400 and its {@code uploadError}, nothing stored; a task that ended
   * meanwhile is a 403 too.
   */
  static String upload(SummaryDocuments documents, DocumentSubject s, MultipartFile file, String forbidden,
      Model model, HttpServletResponse response, RedirectAttributes redirect, String back, Supplier<String> page)
      throws IOException {
    if (!documents.mayUpload(s)) {
      throw DashboardException.forbidden(forbidden);
    }
    int version;
    try {
      version = documents.upload(s, file);
    } catch (ForbiddenException e) {
      throw DashboardException.forbidden(e.getMessage());
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("uploadError", e.problems().get(0).message());
      return page.get();
    }
    redirect.addFlashAttribute("uploaded", version);
    return "redirect:" + back;
  }

  static ResponseEntity<byte[]> download(SummaryDocuments documents, DocumentSubject s, int version) {
    SummaryDocument doc = documents.versions(s).stream().filter(v -> v.version() == version).findFirst()
        .orElseThrow(() -> DashboardException.notFound("Không có phiên bản " + version + " của " + s.kind().what + "."));
    return Downloads.file(documents.content(s, version), MediaType.parseMediaType(doc.contentType()), doc.fileName());
  }

  /** Above the multipart limit Tomcat stops reading: the same 400 as a file above the document's limit. */
  static ResponseEntity<String> tooLarge(SummaryDocuments documents) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(new MediaType("text", "plain",
        StandardCharsets.UTF_8)).body("Tệp quá lớn: giới hạn là " + documents.maxBytes() / (1024 * 1024)
        + " MB. Chưa có gì được lưu.");
  }
}
