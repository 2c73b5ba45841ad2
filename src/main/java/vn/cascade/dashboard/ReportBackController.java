package vn.cascade.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
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
import vn.cascade.common.NotFoundException;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionItemTrace;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.security.CurrentUser;
import vn.cascade.summary.DocumentSubject;
import vn.cascade.summary.SummaryDocuments;

/**
 * The report back to Ban Thường vụ Tỉnh ủy on one Conclusion
 * ({@code /dashboard/conclusions/{id}/report-back}), for Văn phòng UBND, the UBND leadership and
 * administrators: each key task of the Conclusion with the assignments carrying it and their state,
 * the draft report ({@code report-back.docx}), and the uploaded versions. Văn phòng UBND uploads the
 * edited draft or the signed PDF while its task Chuẩn bị báo cáo is open; linked from that task and
 * from the leader's approval.
 */
@Controller
@CascadePage
@RequestMapping("/dashboard/conclusions/{id}")
class ReportBackController {

  private final ConclusionService conclusions;
  private final SummaryDocuments documents;
  private final DashboardQuery query;
  private final CurrentUser user;
  private final vn.cascade.intake.DirectiveLetters letters;

  ReportBackController(ConclusionService conclusions, SummaryDocuments documents, DashboardQuery query,
      CurrentUser user, vn.cascade.intake.DirectiveLetters letters) {
    this.letters = letters;
    this.conclusions = conclusions;
    this.documents = documents;
    this.query = query;
    this.user = user;
  }

  @GetMapping("/report-back")
  String page(@PathVariable long id, Model model) {
    Conclusion c = openable(id);
    DocumentSubject s = ConclusionService.reportBackDocument(c);
    model.addAttribute("c", c);
    model.addAttribute("items", traces(c));
    model.addAttribute("letter", letters.ofConclusion(c.id()).orElse(null));
    model.addAttribute("directives", implementing(c));
    model.addAttribute("documents", documents.versions(s));
    model.addAttribute("mayUpload", documents.mayUpload(s));
    model.addAttribute("taskOpen", documents.openTask(s).isPresent());
    model.addAttribute("taskUrl", documents.openTask(s).filter(t -> user.groups().contains(s.uploaderGroup()))
        .map(t -> "/camunda/app/tasklist/default/#/?task=" + t).orElse(null));
    model.addAttribute("maxMb", documents.maxBytes() / (1024 * 1024));
    model.addAttribute("now", query.now());
    model.addAttribute("active", "directives");
    return "dashboard/report-back";
  }

  /** Tạo dự thảo: the report built from the Conclusion's key tasks, the approved summaries and the assignments' state. */
  @GetMapping("/report-back.docx")
  ResponseEntity<byte[]> draft(@PathVariable long id) {
    Conclusion c = openable(id);
    byte[] docx = ReportBackDocx.write(c, implementing(c), traces(c), query.province(), query.now());
    return Downloads.file(docx, Downloads.DOCX, "Báo cáo kết quả thực hiện Kết luận " + Downloads.number(c.number())
        + ".docx");
  }

  /** The page's *Tải lên* form; a refused file answers 400 and stores nothing. */
  @PostMapping("/report-back")
  String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect, Model model, HttpServletResponse response) throws IOException {
    Conclusion c = openable(id);
    return DocumentPages.upload(documents, ConclusionService.reportBackDocument(c), file, "Chỉ Văn phòng UBND tỉnh "
        + "được tải lên báo cáo Ban Thường vụ Tỉnh ủy về Kết luận " + c.number() + ", khi nhiệm vụ Chuẩn bị báo cáo Ban "
        + "Thường vụ Tỉnh ủy đang mở.", model, response, redirect, "/dashboard/conclusions/" + id
        + "/report-back#report-back", () -> page(id, model));
  }

  @GetMapping("/report-back/documents/{version}")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable int version) {
    return DocumentPages.download(documents, ConclusionService.reportBackDocument(openable(id)), version);
  }

  /** The Conclusion's letter file as it was uploaded on Đăng ký Kết luận, for those who may open this page. */
  @GetMapping("/letter")
  ResponseEntity<byte[]> letter(@PathVariable long id) {
    Conclusion c = openable(id);
    var letter = letters.ofConclusion(c.id()).orElseThrow(() -> DashboardException.notFound(
        "Kết luận này được đăng ký bằng cách dán nội dung, không có tệp văn bản gốc."));
    byte[] content = letters.conclusionContent(c.id(), letter.id()).orElseThrow(() -> DashboardException.notFound(
        "Không tìm thấy tệp văn bản gốc."));
    return Downloads.letter(content, letter.contentType(), letter.fileName());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
    return DocumentPages.tooLarge(documents);
  }

  private List<ConclusionItemTrace> traces(Conclusion c) {
    return c.body().items().stream().map(i -> conclusions.trace(c.id(), i.number())).toList();
  }

  private List<ReportBackDocx.Implementing> implementing(Conclusion c) {
    return conclusions.implementing(c).stream().map(d -> new ReportBackDocx.Implementing(d,
        query.agency(d.collectingAgency()).map(a -> a.name()).orElse(d.collectingAgency()),
        documents.approved(d.id()).orElse(null))).toList();
  }

  /** Văn phòng UBND, the UBND leadership and administrators; agencies get 403. */
  private Conclusion openable(long id) {
    if (!user.isIssuer()) {
      throw DashboardException.forbidden("Báo cáo Ban Thường vụ Tỉnh ủy chỉ dành cho Văn phòng UBND tỉnh, lãnh đạo UBND "
          + "tỉnh và quản trị hệ thống.");
    }
    try {
      return conclusions.get(id);
    } catch (NotFoundException e) {
      throw DashboardException.notFound(e.getMessage());
    }
  }
}
