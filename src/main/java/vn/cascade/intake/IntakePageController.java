package vn.cascade.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.CascadePage;
import vn.cascade.common.FieldProblem;
import vn.cascade.common.InvalidInputException;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.directive.Directive;
import vn.cascade.security.CurrentUser;

/**
 * The office's pages from the letter on the desk to the running cascade: *Soạn / nhập Công văn*
 * ({@code /intake/directives/new}: paste the letter or upload it, or start blank; review every field;
 * *Ban hành*) and *Đăng ký Kết luận* ({@code /intake/conclusions/new}). For Văn phòng UBND, the UBND
 * leadership and administrators; other users get 403.
 */
@Controller
@CascadePage
class IntakePageController {

  private final AgencyDirectory directory;
  private final DirectiveReviews reviews;
  private final ConclusionService conclusions;
  private final vn.cascade.directive.DirectiveService directives;
  private final CurrentUser user;
  private final DirectiveLetters letters;

  IntakePageController(AgencyDirectory directory, DirectiveReviews reviews, ConclusionService conclusions,
      vn.cascade.directive.DirectiveService directives, CurrentUser user, DirectiveLetters letters) {
    this.directives = directives;
    this.letters = letters;
    this.directory = directory;
    this.reviews = reviews;
    this.conclusions = conclusions;
    this.user = user;
  }

  /** A review form's token that stands for no file of this user's waiting (expired, used, another's). */
  private static final String LETTER_GONE = "Tệp văn bản gốc không còn chờ ban hành (đã quá một ngày, đã dùng "
      + "hoặc không do anh/chị tải lên). Bấm Kiểm tra lại để tiếp tục không kèm tệp, hoặc nhập lại tệp.";

  // ---- Công văn ----

  @GetMapping("/intake/directives/new")
  String newDirective(Model model, HttpServletResponse response) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    return letterPage(model, true, null, null);
  }

  @PostMapping("/intake/directives/import")
  String importDirective(@RequestParam(required = false) String text,
      @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    try {
      Letter letter = letter(text, file);
      ImportedDirective imported = DirectiveImport.read(letter.text(), directory).requireLetter();
      DirectiveForm form = DirectiveForm.of(imported, directory);
      if (letter.file() != null) {
        // Kept for the review under a token only this user's form carries; attached on Ban hành.
        form.setLetterToken(letters.keep(file.getOriginalFilename(), letter.file(), user.userId()));
      }
      return directiveReview(form, reviews.check(form, imported.problems()), model);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return letterPage(model, true, text, e.problems().get(0).message());
    }
  }

  /**
   * The addresses the import and review forms post to, opened again from the address bar or history
   * (a reload after a refused Ban hành): back to the letter page, not the framework's 405.
   */
  @GetMapping({"/intake/directives/import", "/intake/directives/review"})
  String directiveFormAgain() {
    return "redirect:/intake/directives/new";
  }

  @GetMapping({"/intake/conclusions/import", "/intake/conclusions/review"})
  String conclusionFormAgain() {
    return "redirect:/intake/conclusions/new";
  }

  @GetMapping("/intake/directives/blank")
  String blankDirective(Model model, HttpServletResponse response) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    DirectiveForm form = DirectiveForm.blank();
    return directiveReview(form, reviews.check(form, List.of()), model);
  }

  /**
   * Kiểm tra lại, the add and remove buttons, and Ban hành; when the Conclusion the letter implements
   * has its drafting task open, *Lưu dự thảo vào nhiệm vụ soạn thảo* instead (the leader approves it there).
   */
  @PostMapping("/intake/directives/review")
  String reviewDirective(@ModelAttribute("form") DirectiveForm form,
      @RequestParam(defaultValue = "check") String action, Model model, HttpServletResponse response) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    if (!action.equals("issue") && !action.equals("check") && !action.equals("saveDraft")) {
      form.apply(action);
    }
    List<ImportProblem> letterProblems = List.of();
    if (form.getLetterToken() != null && !form.getLetterToken().isBlank()
        && letters.pending(form.getLetterToken(), user.userId()).isEmpty()) {
      // Expired, already issued, or another user's: never attached; the officer may issue without it or import again.
      form.setLetterToken(null);
      letterProblems = List.of(new ImportProblem("letterToken", LETTER_GONE, null));
    }
    ConclusionService.Drafting drafting = conclusions.drafting(form.getConclusionNumber()).orElse(null);
    DirectiveReviews.Review review = reviews.check(form, letterProblems, drafting);
    if (action.equals("issue") && drafting != null) {
      DirectiveReviews.add(review.errors(), "conclusionNumber", "Kết luận " + drafting.conclusionNumber()
          + " đang ở bước soạn thảo văn bản triển khai: xin lưu dự thảo vào nhiệm vụ soạn thảo để lãnh đạo UBND "
          + "phê duyệt, không ban hành trực tiếp.");
    }
    if (action.equals("saveDraft") && drafting == null) {
      DirectiveReviews.add(review.errors(), "conclusionNumber", "Không có Kết luận đã đăng ký nào mang số này đang ở "
          + "bước soạn thảo văn bản triển khai, nên không thể lưu dự thảo; xin kiểm tra số Kết luận hoặc ban hành.");
    }
    if (action.equals("issue")) {
      Directive issued = review.errors().isEmpty() ? reviews.issue(form, review).orElse(null) : null;
      if (issued != null) {
        if (form.getLetterToken() != null && !form.getLetterToken().isBlank()) {
          letters.attach(form.getLetterToken(), user.userId(), issued.id());
        }
        return "redirect:/dashboard/directives/" + issued.id();
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("refused", true);
    }
    if (action.equals("saveDraft")) {
      if (drafting != null && reviews.saveDraft(drafting, review)) {
        model.addAttribute("draftSaved", true);
      } else {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("refused", true);
      }
    }
    return directiveReview(form, review, model);
  }

  /** The draft saved into a Conclusion's drafting task, back on the review page to correct and save again. */
  @GetMapping("/intake/directives/from-conclusion/{conclusionId}")
  String draftOfConclusion(@org.springframework.web.bind.annotation.PathVariable long conclusionId, Model model,
      HttpServletResponse response) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    Conclusion c = conclusions.find(conclusionId).orElse(null);
    if (c == null) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("status", 404);
      model.addAttribute("message", "Không tìm thấy Kết luận có mã " + conclusionId + ".");
      return "dashboard/problem";
    }
    DirectiveForm form = directives.draftOfConclusion(c.id())
        .map(d -> DirectiveForm.of(new ImportedDirective(d.body(), null, List.of(), Map.of(), Map.of(), List.of()),
            directory))
        .orElseGet(DirectiveForm::blank);
    form.setConclusionNumber(c.number());
    ConclusionService.Drafting drafting = conclusions.drafting(c).orElse(null);
    return directiveReview(form, reviews.check(form, List.of(), drafting), model);
  }

  private String directiveReview(DirectiveForm form, DirectiveReviews.Review review, Model model) {
    List<Map.Entry<String, String>> options = reviews.options();
    Map<String, String> names = new LinkedHashMap<>();
    options.forEach(o -> names.put(o.getKey(), o.getValue()));
    model.addAttribute("form", form);
    model.addAttribute("letter", letters.pending(form.getLetterToken(), user.userId()).orElse(null));
    model.addAttribute("review", review);
    model.addAttribute("options", options);
    model.addAttribute("agencyOptions", reviews.agencyOptions());
    model.addAttribute("names", names);
    model.addAttribute("conclusionRegistered", form.getConclusionNumber() != null
        && !form.getConclusionNumber().isBlank() && conclusions.findByNumber(form.getConclusionNumber().strip()).isPresent());
    model.addAttribute("drafting", conclusions.drafting(form.getConclusionNumber()).orElse(null));
    model.addAttribute("active", "intake");
    return "intake/directive-review";
  }

  // ---- Kết luận ----

  @GetMapping("/intake/conclusions/new")
  String newConclusion(Model model, HttpServletResponse response) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    return letterPage(model, false, null, null);
  }

  @PostMapping("/intake/conclusions/import")
  String importConclusion(@RequestParam(required = false) String text,
      @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    try {
      Letter letter = letter(text, file);
      ImportedConclusion imported = ConclusionImport.read(letter.text(), directory).requireLetter();
      Map<String, Set<String>> errors = new LinkedHashMap<>();
      imported.problems().forEach(p -> DirectiveReviews.add(errors, p.field(), p.message()));
      ConclusionForm form = ConclusionForm.of(imported);
      if (letter.file() != null) {
        form.setLetterToken(letters.keep(file.getOriginalFilename(), letter.file(), user.userId()));
      }
      check(form.draft(errors), errors);
      return conclusionReview(form, errors, model);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return letterPage(model, false, text, e.problems().get(0).message());
    }
  }

  @PostMapping("/intake/conclusions/review")
  String reviewConclusion(@ModelAttribute("form") ConclusionForm form,
      @RequestParam(defaultValue = "check") String action, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    if (!user.isIssuer()) {
      return forbidden(model, response);
    }
    Map<String, Set<String>> errors = new LinkedHashMap<>();
    if (form.getLetterToken() != null && !form.getLetterToken().isBlank()
        && letters.pending(form.getLetterToken(), user.userId()).isEmpty()) {
      form.setLetterToken(null);
      DirectiveReviews.add(errors, "letterToken", LETTER_GONE);
    }
    if (!action.equals("register")) {
      form.apply(action);
      check(form.draft(errors), errors);
      return conclusionReview(form, errors, model);
    }
    var draft = form.draft(errors);
    if (errors.isEmpty()) {
      try {
        Conclusion c = conclusions.register(draft);
        if (form.getLetterToken() != null && !form.getLetterToken().isBlank()) {
          letters.attachToConclusion(form.getLetterToken(), user.userId(), c.id());
        }
        redirect.addFlashAttribute("registered", c.number());
        return "redirect:/intake/conclusions/new";
      } catch (InvalidInputException e) {
        for (FieldProblem p : e.problems()) {
          DirectiveReviews.add(errors, p.field(), p.message());
        }
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("refused", true);
    return conclusionReview(form, errors, model);
  }

  /** The API's checks of a Conclusion, beside the fields; a required value already reported as unreadable is not repeated. */
  private void check(vn.cascade.conclusion.ConclusionDraft draft, Map<String, Set<String>> errors) {
    try {
      conclusions.check(draft);
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        if (!errors.containsKey(p.field()) || !p.message().endsWith(" là bắt buộc.")) {
          DirectiveReviews.add(errors, p.field(), p.message());
        }
      }
    }
  }

  private String conclusionReview(ConclusionForm form, Map<String, Set<String>> errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("letter", letters.pending(form.getLetterToken(), user.userId()).orElse(null));
    model.addAttribute("review", new DirectiveReviews.Review(null, errors, 0, 0, List.of()));
    model.addAttribute("active", "intake");
    return "intake/conclusion-review";
  }

  // ---- shared ----

  /** A form with rows beyond any letter's (items[5000]) is no review of a letter: 400, nothing kept. */
  @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
  org.springframework.http.ResponseEntity<String> malformedForm() {
    return org.springframework.http.ResponseEntity.badRequest()
        .contentType(new org.springframework.http.MediaType("text", "plain", StandardCharsets.UTF_8))
        .body("Biểu mẫu gửi lên không hợp lệ (quá nhiều dòng); xin mở lại trang Soạn / nhập Công văn.");
  }

  private String letterPage(Model model, boolean directive, String text, String error) {
    model.addAttribute("directive", directive);
    model.addAttribute("text", text);
    model.addAttribute("error", error);
    model.addAttribute("active", "intake");
    return "intake/letter";
  }

  private String forbidden(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("status", 403);
    model.addAttribute("message", "Chỉ Văn phòng UBND, lãnh đạo UBND và quản trị viên được nhập văn bản, "
        + "đăng ký Kết luận và ban hành văn bản chỉ đạo.");
    return "dashboard/problem";
  }

  /** The letter's text, and the uploaded file's bytes when it came as a file (else null). */
  private record Letter(String text, byte[] file) {}

  /** The letter: the uploaded file's text, read once, else the pasted text. */
  private Letter letter(String text, MultipartFile file) {
    byte[] bytes = null;
    if (file != null && !file.isEmpty()) {
      bytes = bytes(file);
      text = fileText(file.getOriginalFilename(), file.getContentType(), bytes);
    }
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "Xin dán nội dung văn bản vào ô bên dưới hoặc chọn tệp.");
    }
    return new Letter(IntakeController.text(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8"), bytes);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (java.io.IOException e) {
      throw new InvalidInputException("file", "Không đọc được tệp tải lên; xin thử lại.");
    }
  }

  /**
   * The text of an uploaded letter (PDF with or without a text layer, DOCX, a scan, TXT); a file that
   * cannot be read is refused on the page with {@link LetterFiles}' Vietnamese message.
   */
  private static String fileText(String fileName, String contentType, byte[] bytes) {
    try {
      return LetterFiles.text(fileName, contentType, bytes);
    } catch (LetterFileException e) {
      throw new InvalidInputException("file", e.getMessage());
    }
  }
}
