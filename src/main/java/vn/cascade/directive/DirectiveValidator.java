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

  /**
   * Assignments (items × agencies) one directive may create: Đồng Nai's 35 departments and
   * districts given each of 57 items (1,995). Beyond it, one request would start thousands of
   * processes in one transaction (1,960 took 70 s on H2).
   */
  public static final int MAX_ASSIGNMENTS = 2000;
  /** Items of a directive or a Conclusion. */
  public static final int MAX_ITEMS = 200;
  /** Entries of any other list: addressees, recipients, agencies of an item, coordinating agencies. */
  public static final int MAX_LIST_ENTRIES = 100;
  /** A document number, as its column holds it. */
  public static final int MAX_NUMBER = 100;

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
      if (d.number().length() > MAX_NUMBER) {
        p.maxLength("number", d.number(), MAX_NUMBER, "Số văn bản");
      } else if (!DOCUMENT_NUMBER.matcher(d.number()).matches()) {
        p.add("number", "Số văn bản phải có dạng số/ký hiệu, ví dụ 8888/UBND-THNC.");
      } else if (directives.numberTaken(d.number(), exceptId)) {
        p.add("number", "Số văn bản " + d.number() + " đã tồn tại.");
      }
    }
    p.required("issuedOn", d.issuedOn(), "Ngày ban hành");
    p.dateInRange("issuedOn", d.issuedOn(), "Ngày ban hành");
    p.required("issuer", d.issuer(), "Cơ quan ban hành");
    p.text("issuer", d.issuer(), 300, "Cơ quan ban hành");
    p.required("title", d.title(), "Trích yếu");
    p.text("title", d.title(), 2000, "Trích yếu");
    p.required("reportDeadline", d.reportDeadline(), "Hạn báo cáo");
    p.dateInRange("reportDeadline", d.reportDeadline(), "Hạn báo cáo");
    p.required("summaryDeadline", d.summaryDeadline(), "Hạn tổng hợp");
    p.dateInRange("summaryDeadline", d.summaryDeadline(), "Hạn tổng hợp");
    p.text("place", d.place(), 100, "Địa danh");
    p.text("issuerAgency", d.issuerAgency(), 64, "Mã cơ quan ban hành");
    p.text("signer", d.signer(), 200, "Người ký");
    p.text("signerTitle", d.signerTitle(), 200, "Chức vụ người ký");
    p.multiLineText("preamble", d.preamble(), 4000, "Phần mở đầu");
    p.text("reportTo", d.reportTo(), 300, "Nơi nhận báo cáo");
    p.multiLineText("reportInstruction", d.reportInstruction(), 4000, "Yêu cầu báo cáo");
    p.multiLineText("summaryInstruction", d.summaryInstruction(), 4000, "Yêu cầu tổng hợp");
    p.multiLineText("monitoringInstruction", d.monitoringInstruction(), 4000, "Yêu cầu theo dõi, đôn đốc");
    p.text("conclusionNumber", d.conclusionNumber(), MAX_NUMBER, "Số Kết luận");
    p.text("collectingAgency", d.collectingAgency(), 64, "Mã cơ quan tổng hợp");
    p.text("reviewingAgency", d.reviewingAgency(), 64, "Mã cơ quan thẩm định");
    p.text("monitoringAgency", d.monitoringAgency(), 64, "Mã cơ quan theo dõi");
    if (p.maxSize("addressees", d.addressees(), MAX_LIST_ENTRIES, "Danh sách kính gửi")) {
      for (int i = 0; i < d.addressees().size(); i++) {
        p.text("addressees[" + i + "]", d.addressees().get(i), 300, "Kính gửi");
      }
    }
    if (p.maxSize("recipients", d.recipients(), MAX_LIST_ENTRIES, "Danh sách nơi nhận")) {
      for (int i = 0; i < d.recipients().size(); i++) {
        DirectiveDraft.Recipient r = d.recipients().get(i);
        if (r != null) {
          p.text("recipients[" + i + "].name", r.name(), 300, "Nơi nhận");
          p.text("recipients[" + i + "].purpose", r.purpose(), 300, "Mục đích gửi");
          p.text("recipients[" + i + "].agency", r.agency(), 64, "Mã cơ quan nhận");
        }
      }
    }
    if (d.issuedOn() != null && d.reportDeadline() != null && !d.reportDeadline().isAfter(d.issuedOn())) {
      p.add("reportDeadline", "Hạn báo cáo phải sau ngày ban hành văn bản.");
    }
    if (d.reportDeadline() != null && d.summaryDeadline() != null && d.summaryDeadline().isBefore(d.reportDeadline())) {
      p.add("summaryDeadline", "Hạn tổng hợp không được trước hạn báo cáo của các cơ quan.");
    }
    if (!agencies.isActive(d.collectingAgencyOrDefault())) {
      p.add("collectingAgency", Texts.isBlank(d.collectingAgency())
          ? "Chưa ghi cơ quan tổng hợp, và cơ quan mặc định " + DirectiveDraft.DEFAULT_COLLECTING_AGENCY
              + " không có trong danh mục cơ quan của tỉnh " + agencies.province() + ": xin ghi cơ quan tổng hợp."
          : agencies.unknownCodeMessage(d.collectingAgency()));
    }
    if (d.reviewingAgency() != null && !agencies.isActive(d.reviewingAgency())) {
      p.add("reviewingAgency", agencies.unknownCodeMessage(d.reviewingAgency()));
    }
    if (d.monitoringAgency() != null && !agencies.isActive(d.monitoringAgency())) {
      p.add("monitoringAgency", agencies.unknownCodeMessage(d.monitoringAgency()));
    }
    p.maxSize("reminderOffsetsDays", d.reminderOffsetsDays(), 10, "Số ngày nhắc trước hạn");
    for (int i = 0; i < Math.min(10, d.reminderOffsetsDays().size()); i++) {
      Integer offset = d.reminderOffsetsDays().get(i);
      if (offset == null || offset < 1 || offset > 60) {
        p.add("reminderOffsetsDays[" + i + "]", "Số ngày nhắc trước hạn phải từ 1 đến 60.");
      }
    }
    if (d.items().isEmpty()) {
      p.add("items", "Văn bản phải giao ít nhất một nhiệm vụ cho cơ quan.");
    }
    if (!p.maxSize("items", d.items(), MAX_ITEMS, "Văn bản")) {
      p.throwIfAny();
    }
    int assignments = 0;
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
      p.text(at + ".heading", item.heading(), 1000, "Tiêu đề nhiệm vụ");
      ownDeadline(p, at + ".deadline", item.deadline(), d);
      if (item.agencies().isEmpty()) {
        p.add(at + ".agencies", "Nhiệm vụ phải giao cho ít nhất một cơ quan.");
      }
      p.maxSize(at + ".conclusionItems", item.conclusionItems(), MAX_ITEMS, "Danh sách mục của Kết luận");
      if (!p.maxSize(at + ".agencies", item.agencies(), MAX_LIST_ENTRIES, "Danh sách cơ quan của nhiệm vụ")) {
        continue;
      }
      Set<String> given = new HashSet<>();
      for (int j = 0; j < item.agencies().size(); j++) {
        String code = item.agencies().get(j);
        if (!agencies.isValidSelector(code)) {
          p.add(at + ".agencies[" + j + "]", agencies.unknownSelectorMessage(code));
        } else {
          agencies.expand(code).orElseThrow().forEach(a -> given.add(a.code()));
        }
      }
      assignments += given.size();
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
        p.multiLineText(bat + ".text", bullet.text(), 3900, "Nội dung nhiệm vụ");
        ownDeadline(p, bat + ".deadline", bullet.deadline(), d);
        if (!p.maxSize(bat + ".coordinating", bullet.coordinating(), MAX_LIST_ENTRIES, "Danh sách cơ quan phối hợp")) {
          continue;
        }
        for (int k = 0; k < bullet.coordinating().size(); k++) {
          String code = bullet.coordinating().get(k);
          if (!agencies.isActive(code)) {
            p.add(bat + ".coordinating[" + k + "]", agencies.unknownCodeMessage(code));
          }
        }
      }
    }
    if (assignments > MAX_ASSIGNMENTS) {
      p.add("items", "Văn bản giao " + Texts.thousands(assignments) + " nhiệm vụ cho cơ quan (số nhiệm vụ × số cơ quan "
          + "được giao); mỗi văn bản giao tối đa " + Texts.thousands(MAX_ASSIGNMENTS) + ". Xin tách thành nhiều văn bản.");
    }
    p.throwIfAny();
  }

  /** A deadline an item or a bullet has of its own: a real day after the issue, no later than the summary. */
  private static void ownDeadline(Problems p, String field, java.time.LocalDate deadline, DirectiveDraft d) {
    if (deadline == null || !p.dateInRange(field, deadline, "Thời hạn riêng của nhiệm vụ")) {
      return;
    }
    if (d.issuedOn() != null && !deadline.isAfter(d.issuedOn())) {
      p.add(field, "Thời hạn riêng của nhiệm vụ phải sau ngày ban hành văn bản.");
    }
    if (d.summaryDeadline() != null && deadline.isAfter(d.summaryDeadline())) {
      p.add(field, "Thời hạn riêng của nhiệm vụ không được sau hạn tổng hợp ("
          + vn.cascade.common.VnDates.format(d.summaryDeadline()) + ").");
    }
  }
}
