package vn.cascade.directive;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.common.Problems;
import vn.cascade.common.Texts;

/** Checks a directive before anything is stored or started; all problems are reported at once. */
@Component
public class DirectiveValidator {

  /** A document number with its symbol, e.g. "8888/UBND-THNC" or "1098-KL/TU". */
  public static final Pattern DOCUMENT_NUMBER =
      Pattern.compile("^[0-9]+[0-9A-Za-z.\\-]*/[0-9A-ZĐa-zđ&.\\-/]+$");

  private final AgencyDirectory agencies;
  private final DirectiveRepository directives;

  DirectiveValidator(AgencyDirectory agencies, DirectiveRepository directives) {
    this.agencies = agencies;
    this.directives = directives;
  }

  /** @param exceptId the directive being edited, whose own number is not a duplicate */
  public void validate(DirectiveDraft d, Long exceptId) {
    Problems p = new Problems();
    if (d == null) {
      p.add("$", "Thiếu nội dung văn bản.").throwIfAny();
    }
    if (p.required("number", d.number(), "Số văn bản")) {
      if (!DOCUMENT_NUMBER.matcher(d.number()).matches()) {
        p.add("number", "Số văn bản phải có dạng số/ký hiệu, ví dụ 8888/UBND-THNC.");
      } else if (directives.numberTaken(d.number(), exceptId)) {
        p.add("number", "Số văn bản " + d.number() + " đã tồn tại.");
      }
    }
    p.required("issuedOn", d.issuedOn(), "Ngày ban hành");
    p.required("issuer", d.issuer(), "Cơ quan ban hành");
    p.maxLength("issuer", d.issuer(), 300, "Cơ quan ban hành");
    p.required("title", d.title(), "Trích yếu");
    p.maxLength("title", d.title(), 2000, "Trích yếu");
    p.required("reportDeadline", d.reportDeadline(), "Hạn báo cáo");
    p.required("summaryDeadline", d.summaryDeadline(), "Hạn tổng hợp");
    if (d.issuedOn() != null && d.reportDeadline() != null && !d.reportDeadline().isAfter(d.issuedOn())) {
      p.add("reportDeadline", "Hạn báo cáo phải sau ngày ban hành văn bản.");
    }
    if (d.reportDeadline() != null && d.summaryDeadline() != null && d.summaryDeadline().isBefore(d.reportDeadline())) {
      p.add("summaryDeadline", "Hạn tổng hợp không được trước hạn báo cáo của các cơ quan.");
    }
    if (!agencies.exists(d.collectingAgencyOrDefault())) {
      p.add("collectingAgency", "Mã cơ quan không có trong danh mục: " + d.collectingAgency() + ".");
    }
    if (d.reviewingAgency() != null && !agencies.exists(d.reviewingAgency())) {
      p.add("reviewingAgency", "Mã cơ quan không có trong danh mục: " + d.reviewingAgency() + ".");
    }
    if (d.monitoringAgency() != null && !agencies.exists(d.monitoringAgency())) {
      p.add("monitoringAgency", "Mã cơ quan không có trong danh mục: " + d.monitoringAgency() + ".");
    }
    for (int i = 0; i < d.reminderOffsetsDays().size(); i++) {
      Integer offset = d.reminderOffsetsDays().get(i);
      if (offset == null || offset < 1 || offset > 60) {
        p.add("reminderOffsetsDays[" + i + "]", "Số ngày nhắc trước hạn phải từ 1 đến 60.");
      }
    }
    if (d.items().isEmpty()) {
      p.add("items", "Văn bản phải giao ít nhất một nhiệm vụ cho cơ quan.");
    }
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < d.items().size(); i++) {
      DirectiveDraft.Item item = d.items().get(i);
      String at = "items[" + i + "]";
      if (item == null) {
        p.add(at, "Nhiệm vụ trống.");
        continue;
      }
      if (item.number() == null || item.number() < 1) {
        p.add(at + ".number", "Số thứ tự nhiệm vụ phải là số nguyên dương.");
      } else if (!numbers.add(item.number())) {
        p.add(at + ".number", "Số thứ tự nhiệm vụ " + item.number() + " bị trùng.");
      }
      p.maxLength(at + ".heading", item.heading(), 1000, "Tiêu đề nhiệm vụ");
      if (item.agencies().isEmpty()) {
        p.add(at + ".agencies", "Nhiệm vụ phải giao cho ít nhất một cơ quan.");
      }
      for (int j = 0; j < item.agencies().size(); j++) {
        String code = item.agencies().get(j);
        if (!agencies.isValidSelector(code)) {
          p.add(at + ".agencies[" + j + "]", "Mã cơ quan không có trong danh mục: " + code + ".");
        }
      }
      if (item.bullets().isEmpty()) {
        p.add(at + ".bullets", "Nhiệm vụ phải có ít nhất một nội dung.");
      } else if (item.bullets().size() > AgencyAssignmentProcess.MAX_BULLETS) {
        p.add(at + ".bullets", "Mỗi nhiệm vụ có tối đa " + AgencyAssignmentProcess.MAX_BULLETS + " nội dung.");
      }
      for (int j = 0; j < item.bullets().size(); j++) {
        DirectiveDraft.Bullet bullet = item.bullets().get(j);
        String bat = at + ".bullets[" + j + "]";
        if (bullet == null || Texts.isBlank(bullet.text())) {
          p.add(bat + ".text", "Nội dung nhiệm vụ là bắt buộc.");
          continue;
        }
        p.maxLength(bat + ".text", bullet.text(), 3900, "Nội dung nhiệm vụ");
        for (int k = 0; k < bullet.coordinating().size(); k++) {
          String code = bullet.coordinating().get(k);
          if (!agencies.exists(code)) {
            p.add(bat + ".coordinating[" + k + "]", "Mã cơ quan không có trong danh mục: " + code + ".");
          }
        }
      }
    }
    p.throwIfAny();
  }
}
