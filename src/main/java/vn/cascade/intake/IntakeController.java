package vn.cascade.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.security.CurrentUser;

/**
 * {@code POST /api/directives/import} and {@code POST /api/conclusions/import}: the text of a letter
 * in, the proposed draft with the words behind its fields and the problems out. Starts nothing.
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
    ImportedDirective imported = DirectiveImport.read(text(body, contentType), directory);
    if (imported.draft().number() == null && imported.draft().issuedOn() == null && imported.draft().items().isEmpty()) {
      throw new InvalidInputException("text", "Nội dung gửi lên không phải một văn bản chỉ đạo: không tìm thấy "
          + "số văn bản, ngày ban hành hay nhiệm vụ nào.");
    }
    return imported;
  }

  @PostMapping(path = "/api/conclusions/import", consumes = MediaType.TEXT_PLAIN_VALUE)
  ImportedConclusion importConclusion(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = "Content-Type", required = false) String contentType) {
    requireIssuer();
    ImportedConclusion imported = ConclusionImport.read(text(body, contentType), directory);
    if (imported.draft().number() == null && imported.draft().items().isEmpty()) {
      throw new InvalidInputException("text", "Nội dung gửi lên không phải một Kết luận: không tìm thấy "
          + "số Kết luận hay nhiệm vụ, giải pháp nào.");
    }
    return imported;
  }

  private void requireIssuer() {
    if (!user.isIssuer()) {
      throw new ForbiddenException("Chỉ Văn phòng UBND, lãnh đạo UBND và quản trị viên được nhập văn bản.");
    }
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
