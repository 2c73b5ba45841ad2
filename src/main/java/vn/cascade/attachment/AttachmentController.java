package vn.cascade.attachment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import vn.cascade.common.CascadePage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveRepository;

/**
 * The page an agency reaches from its report task to attach its signed report file, and where
 * the reviewer and the collector download it.
 */
@Controller
@CascadePage
class AttachmentController {

  private final AttachmentService attachments;
  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final AgencyDirectory agencies;
  private final org.camunda.bpm.engine.TaskService tasks;

  AttachmentController(AttachmentService attachments, AssignmentRepository assignments,
      DirectiveRepository directives, AgencyDirectory agencies, org.camunda.bpm.engine.TaskService tasks) {
    this.tasks = tasks;
    this.attachments = attachments;
    this.assignments = assignments;
    this.directives = directives;
    this.agencies = agencies;
  }

  private Assignment readable(long id) {
    Assignment a = assignments.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ."));
    if (!attachments.mayRead(a)) {
      throw new ForbiddenException("Anh/chị không có quyền xem tệp của nhiệm vụ này.");
    }
    return a;
  }

  @GetMapping("/assignments/{id}/attachments")
  String page(@PathVariable long id, Model model) {
    Assignment a = readable(id);
    var d = directives.find(a.directiveId()).orElseThrow();
    model.addAttribute("assignment", a);
    model.addAttribute("directive", d);
    model.addAttribute("agencyName", agencies.get(a.agencyCode()).name());
    model.addAttribute("deadline", VnDates.before(a.deadline()));
    model.addAttribute("files", attachments.of(a));
    model.addAttribute("removable", attachments.of(a).stream().filter(f -> attachments.mayRemove(a, f))
        .map(AttachmentRepository.Attachment::id).collect(java.util.stream.Collectors.toSet()));
    // Back to the very report in Tasklist, while it is open.
    model.addAttribute("taskUrl", a.processInstanceId() == null ? null : tasks.createTaskQuery()
        .processInstanceId(a.processInstanceId())
        .taskDefinitionKey(vn.cascade.assignment.AgencyAssignmentProcess.TASK_REPORT_RESULTS).list().stream()
        .findFirst().map(t -> "/camunda/app/tasklist/default/#/?task=" + t.getId()).orElse(null));
    model.addAttribute("mayAttach", attachments.mayAttach(a));
    model.addAttribute("maxMb", attachments.maxBytes() / (1024 * 1024));
    model.addAttribute("dates", new Dates());
    return "attachments";
  }

  @PostMapping("/assignments/{id}/attachments")
  String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect, Model model, HttpServletResponse response) throws IOException {
    Assignment a = readable(id);
    if (!attachments.mayAttach(a)) {
      throw new ForbiddenException("Chỉ cơ quan thực hiện được đính kèm tệp, trước khi báo cáo được chấp nhận.");
    }
    try {
      attachments.attach(a, file);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.problems().get(0).message());
      page(id, model);
      return "attachments";
    }
    redirect.addFlashAttribute("saved", file.getOriginalFilename());
    return "redirect:/assignments/" + id + "/attachments";
  }

  @PostMapping("/assignments/{id}/attachments/{fileId}/delete")
  String remove(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
    Assignment a = readable(id);
    attachments.remove(a, fileId);
    redirect.addFlashAttribute("removed", true);
    return "redirect:/assignments/" + id + "/attachments";
  }

  @GetMapping("/assignments/{id}/attachments/{fileId}")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
    Assignment a = readable(id);
    var meta = attachments.of(a).stream().filter(f -> f.id() == fileId).findFirst()
        .orElseThrow(() -> new NotFoundException("Không tìm thấy tệp đính kèm."));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(meta.contentType()));
    headers.setContentDisposition(ContentDisposition.attachment().filename(meta.fileName(), StandardCharsets.UTF_8)
        .build());
    return new ResponseEntity<>(attachments.content(a, fileId), headers, HttpStatus.OK);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<String> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body("Tệp quá lớn: giới hạn là " + attachments.maxBytes() / (1024 * 1024) + " MB. Báo cáo của anh/chị không bị ảnh hưởng.");
  }

  /** Dates for the page. */
  static final class Dates {
    public String format(java.time.Instant instant) {
      return VnDates.formatWithTime(instant);
    }
  }
}
