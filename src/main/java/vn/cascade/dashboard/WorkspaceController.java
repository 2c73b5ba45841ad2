package vn.cascade.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cascade.common.CascadePage;
import vn.cascade.directive.Directive;
import vn.cascade.security.CurrentUser;
import vn.cascade.summary.DocumentSubject;
import vn.cascade.summary.SummaryDocuments;

/**
 * The collector's workspace ({@code /dashboard/directives/{id}/workspace}): every report of one
 * directive in full, for the agency that collects them (Tổng hợp báo cáo), Văn phòng UBND, the
 * UBND leadership and administrators. Linked from the collection task's form and the directive's
 * page. Its *Báo cáo tổng hợp* section is where the collecting agency makes the draft and uploads
 * the edited summary document, version after version, while its collection task is open.
 */
@Controller
@CascadePage
@RequestMapping("/dashboard")
class WorkspaceController {

  /** Who may open any directive's workspace, beside the directive's own collecting agency. */
  static final Set<String> ALWAYS = Set.of("vp-ubnd", "lanh-dao-ubnd", "camunda-admin");

  private final DashboardQuery query;
  private final WorkspaceQuery workspace;
  private final CurrentUser user;
  private final SummaryDocuments documents;

  WorkspaceController(DashboardQuery query, WorkspaceQuery workspace, CurrentUser user, SummaryDocuments documents) {
    this.documents = documents;
    this.query = query;
    this.workspace = workspace;
    this.user = user;
  }

  @GetMapping("/directives/{id}/workspace")
  String workspace(@PathVariable long id, @RequestParam(required = false) String item,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String status, Model model) {
    Directive d = openable(id);
    WorkspacePage page = workspace.workspace(d, item, agency, status);
    model.addAttribute("page", page);
    model.addAttribute("d", d);
    model.addAttribute("documents", documents.versions(d.id()));
    // Reports accepted after this version was uploaded are not in it: the page says so.
    model.addAttribute("latestDocument", documents.latest(d.id()).orElse(null));
    model.addAttribute("mayUpload", documents.mayUpload(d));
    model.addAttribute("collectionOpen", documents.collectionOpen(d));
    // Back to the collection task in Tasklist, while it is open, for the collecting agency.
    model.addAttribute("taskUrl", documents.collectionTask(d).filter(t -> user.groups().contains(d.collectingAgency()))
        .map(t -> "/camunda/app/tasklist/default/#/?task=" + t).orElse(null));
    model.addAttribute("maxMb", documents.maxBytes() / (1024 * 1024));
    model.addAttribute("now", query.now());
    model.addAttribute("active", "directives");
    return "dashboard/workspace";
  }

  /** The summary document's upload (the page's *Tải lên* form); a refused file answers 400 and stores nothing. */
  @PostMapping("/directives/{id}/workspace/summary")
  String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect, Model model, HttpServletResponse response) throws IOException {
    Directive d = openable(id);
    return DocumentPages.upload(documents, DocumentSubject.of(d), file, "Chỉ cơ quan tổng hợp của văn bản " + d.number()
        + " (" + query.agency(d.collectingAgency()).map(a -> a.shortName()).orElse(d.collectingAgency())
        + ") được tải lên báo cáo tổng hợp, khi nhiệm vụ Tổng hợp báo cáo đang mở.", model, response, redirect,
        "/dashboard/directives/" + id + "/workspace#summary", () -> workspace(id, null, null, null, model));
  }

  @GetMapping("/directives/{id}/summary-documents/{version}")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable int version) {
    return DocumentPages.download(documents, DocumentSubject.of(openable(id)), version);
  }

  /** Above the multipart limit Tomcat stops reading: the same 400 as a file above the document's limit. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
    return DocumentPages.tooLarge(documents);
  }

  private Directive openable(long id) {
    Directive d = query.directive(id);
    if (!mayOpen(user, d)) {
      throw DashboardException.forbidden("Hồ sơ tổng hợp báo cáo của văn bản " + d.number()
          + " chỉ dành cho cơ quan tổng hợp (" + query.agency(d.collectingAgency()).map(a -> a.shortName())
              .orElse(d.collectingAgency())
          + "), Văn phòng UBND tỉnh, lãnh đạo UBND tỉnh và quản trị hệ thống.");
    }
    return d;
  }

  /** The directive's collecting agency, Văn phòng UBND, the UBND leadership, administrators. */
  static boolean mayOpen(CurrentUser user, Directive d) {
    Set<String> groups = user.groups();
    return groups.contains(d.collectingAgency()) || groups.stream().anyMatch(ALWAYS::contains);
  }
}
