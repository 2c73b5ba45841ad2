package vn.cascade.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cascade.common.FieldProblem;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.security.CurrentUser;

/**
 * {@code POST /api/directives/import} and {@code POST /api/conclusions/import}: the text of a letter
 * ({@code text/plain}) or its file ({@code multipart/form-data}, part {@code file}: PDF, DOCX, TXT or a
 * scan) in, the proposed draft with the words behind its fields and the problems out. Starts nothing.
 */
@RestController
class IntakeController {

  private final AgencyDirectory directory;
  private final CurrentUser user;

  IntakeController(AgencyDirectory directory, CurrentUser user) {
    this.directory = directory;
    this.user = user;
  }

  @PostMapping(path = "/api/directives/import", consumes = MediaType.TEXT_PLAIN_VALUE)
  ImportedDirective importDirective(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = "Content-Type", required = false) String contentType) {
    requireIssuer();
    return directive(text(body, contentType));
  }

  @PostMapping(path = "/api/directives/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportedDirective importDirectiveFile(@RequestParam(name = "file", required = false) MultipartFile file) {
    requireIssuer();
    return directive(text(file));
  }

  private ImportedDirective directive(String text) {
    return DirectiveImport.read(text, directory).requireLetter();
  }

  @PostMapping(path = "/api/conclusions/import", consumes = MediaType.TEXT_PLAIN_VALUE)
  ImportedConclusion importConclusion(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = "Content-Type", required = false) String contentType) {
    requireIssuer();
    return conclusion(text(body, contentType));
  }

  @PostMapping(path = "/api/conclusions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportedConclusion importConclusionFile(@RequestParam(name = "file", required = false) MultipartFile file) {
    requireIssuer();
    return conclusion(text(file));
  }

  private ImportedConclusion conclusion(String text) {
    return ConclusionImport.read(text, directory).requireLetter();
  }

  private void requireIssuer() {
    if (!user.isIssuer()) {
      throw new ForbiddenException("Chỉ Văn phòng UBND, lãnh đạo UBND và quản trị viên được nhập văn bản.");
    }
  }

  /** The uploaded file's text. */
  private static String text(MultipartFile file) {
    if (file == null) {
      throw new InvalidInputException("file", "Chưa chọn tệp: gửi tệp văn bản trong phần \"file\".");
    }
    try {
      return LetterFiles.text(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    } catch (IOException e) {
      throw new LetterFileException(400, "Không nhận được trọn tệp gửi lên; xin gửi lại.", e);
    }
  }

  /** A file that cannot be read: its status (400, 413, 503) and Vietnamese message as problem details. */
  @ExceptionHandler(LetterFileException.class)
  ProblemDetail unreadableFile(LetterFileException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create("urn:cascade:problem:" + switch (e.status()) {
      case 413 -> "file-too-large";
      case 503 -> "ocr-unavailable";
      default -> "unreadable-file";
    }));
    problem.setTitle(switch (e.status()) {
      case 413 -> "Tệp quá lớn";
      case 503 -> "Chưa đọc được bản chụp";
      default -> "Không đọc được tệp";
    });
    problem.setProperty("errors", List.of(new FieldProblem("file", e.getMessage())));
    return problem;
  }

  /** The body as text: UTF-8 unless the request names another charset. */
  static String text(byte[] body, String contentType) {
    if (body == null || body.length == 0) {
      throw new InvalidInputException("text", "Nội dung văn bản trống.");
    }
    Charset charset = StandardCharsets.UTF_8;
    try {
      MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
      if (type != null && type.getCharset() != null) {
        charset = type.getCharset();
      }
    } catch (org.springframework.util.InvalidMimeTypeException | java.nio.charset.UnsupportedCharsetException e) {
      throw new InvalidInputException("text", "Bảng mã của nội dung không được hỗ trợ; xin gửi UTF-8.");
    }
    String text = new String(body, charset);
    if (text.isBlank()) {
      throw new InvalidInputException("text", "Nội dung văn bản trống.");
    }
    if (vn.cascade.common.Texts.hasControlCharacters(text.replace("\f", "\n"))) {
      throw new InvalidInputException("text", "Nội dung có ký tự điều khiển; đây không phải văn bản dạng chữ.");
    }
    return text;
  }
}
