package vn.cascade.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import vn.cascade.agency.Agency;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;

/**
 * A draft of the collecting agency's summary report, in the layout of {@link OfficialDocx}:
 * issuer top left with the number/symbol, quốc hiệu and tiêu ngữ top right with place and date,
 * the kind of document ("BÁO CÁO") and its summary, the body (reporting state, results per agency,
 * agencies missing, the difficulties and proposals gathered per item), then "Nơi nhận" and the signature.
 * Number, date and signature are left for the department to fill in.
 */
final class SummaryDocx extends OfficialDocx {

  private final DirectivePage page;
  private final Map<Long, Map<String, Object>> reports;
  private final Agency collector;
  private final String province;
  private final Map<String, String> fullNames;
  private final Instant now;

  private SummaryDocx(DirectivePage page, Map<Long, Map<String, Object>> reports, Agency collector, String province,
      Map<String, String> fullNames, Instant now) {
    this.page = page;
    this.reports = reports;
    this.collector = collector;
    this.province = province;
    this.fullNames = fullNames;
    this.now = now;
  }

  /**
   * @param fullNames the agencies' full names by code, for the section headings (tables use the
   *     short names of the rows)
   */
  static byte[] write(DirectivePage page, Map<Long, Map<String, Object>> reports, Agency collector, String province,
      Map<String, String> fullNames, Instant now) {
    return new SummaryDocx(page, reports, collector, province, fullNames, now).build();
  }

  @Override
  void compose() {
    Directive d = page.directive();
    heading("UBND TỈNH " + upper(province), collector.name(), "Số:      /BC-" + symbol(collector), province);
    title("BÁO CÁO", "Tổng hợp kết quả thực hiện Công văn số " + d.number() + " ngày " + VnDates.format(d.issuedOn())
        + " của " + d.issuer(), d.title() == null ? null : about(d.title()));
    body();
    List<String> recipients = new ArrayList<>();
    for (DirectiveDraft.Recipient rec : d.body().recipients()) {
      String purpose = rec.purpose() == null || rec.purpose().isBlank() || "lưu".equals(rec.purpose())
          ? "" : " (" + rec.purpose() + ")";
      recipients.add(rec.name() + purpose);
    }
    footer(recipients, List.of(signerTitle()));
  }

  private void body() {
    Directive d = page.directive();
    Counts c = page.counts();
    String at = VnDates.format(now);
    justified("Thực hiện Công văn số " + d.number() + " ngày " + VnDates.format(d.issuedOn()) + " của " + d.issuer()
        + (d.title() == null ? "" : " " + about(d.title()).replaceFirst("\\.$", "")) + ", " + collector.name()
        + " tổng hợp kết quả thực hiện của các cơ quan, đơn vị như sau:");

    section("I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ");
    justified("Tính đến ngày " + at + ", có " + c.reported() + "/" + c.total() + " nhiệm vụ đã được báo cáo ("
        + ReportStatus.COMPLETED_ON_TIME.label() + ": " + c.onTime() + "; " + ReportStatus.COMPLETED_LATE.label()
        + ": " + c.late() + "); " + (c.open() + c.overdue()) + " nhiệm vụ chưa báo cáo ("
        + ReportStatus.OPEN_IN_TIME.label() + ": " + c.open() + "; " + ReportStatus.OPEN_OVERDUE.label() + ": "
        + c.overdue() + "). Hạn báo cáo: " + VnDates.before(d.reportDeadline()) + "; hạn tổng hợp: "
        + VnDates.before(d.summaryDeadline()) + ".");
    lateArrivals();
    statusTable();

    section("II. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ");
    Map<String, List<AssignmentRow>> byAgency = new LinkedHashMap<>();
    for (AssignmentRow r : page.rows()) {
      byAgency.computeIfAbsent(r.agencyCode(), k -> new ArrayList<>()).add(r);
    }
    int n = 0;
    boolean any = false;
    for (Map.Entry<String, List<AssignmentRow>> e : byAgency.entrySet()) {
      if (e.getValue().stream().noneMatch(r -> r.reportedAt() != null)) {
        continue;
      }
      any = true;
      agencySection(++n, e.getValue());
    }
    if (!any) {
      justified("Chưa có cơ quan, đơn vị nào báo cáo.");
    }

    section("III. CÁC CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO");
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<AssignmentRow>> e : byAgency.entrySet()) {
      List<AssignmentRow> open = e.getValue().stream().filter(r -> r.reportedAt() == null).toList();
      if (!open.isEmpty()) {
        missing.add(e.getValue().get(0).agencyName() + ": " + String.join("; ", open.stream()
            .map(r -> "nhiệm vụ " + r.item() + " (" + r.statusLabel() + ", " + r.timing().text()
                + (r.inReview() ? "; đã nộp ngày " + VnDates.format(r.submittedAt()) + ", đang chờ xem xét" : "")
                + (r.returned() ? "; báo cáo bị trả lại, chưa nộp lại" : "") + ")").toList()));
      }
    }
    if (missing.isEmpty()) {
      justified("Tất cả các cơ quan, đơn vị đã báo cáo.");
    } else {
      justified("Đến ngày " + at + ", còn " + missing.size() + " cơ quan, đơn vị chưa báo cáo:");
      for (String m : missing) {
        justified("- " + m + ";");
      }
    }

    section("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC CƠ QUAN, ĐƠN VỊ");
    difficultiesAndProposals();

    section("V. ĐỀ XUẤT, KIẾN NGHỊ");
    justified("(" + collector.name() + " bổ sung nội dung đề xuất, kiến nghị Thường trực UBND tỉnh chỉ đạo.)");
  }

  /**
   * The reports accepted after the collection opened (so after an earlier draft may have been made):
   * named, with when each arrived, so that the collector sees what a regenerated draft added.
   */
  private void lateArrivals() {
    Instant opened = page.directive().collectionOpenedAt();
    List<AssignmentRow> late = page.rows().stream().filter(r -> r.reportedAt() != null && r.arrivedAfterCollection())
        .sorted(java.util.Comparator.comparing(AssignmentRow::reportedAt)).toList();
    if (opened == null || late.isEmpty()) {
      return;
    }
    justified("Sau khi mở tổng hợp (" + VnDates.formatWithTime(opened) + "), có " + late.size()
        + " báo cáo đến sau khi mở tổng hợp, đã được tổng hợp trong báo cáo này: " + String.join("; ", late.stream()
            .map(r -> nameOf(r) + " (nhiệm vụ " + r.item() + ", ngày " + VnDates.format(r.reportedAt()) + ")")
            .toList()) + ".");
  }

  /**
   * What the agencies raised, gathered per item of the directive: under each item its difficulties,
   * then its proposals, each with the agency that wrote it; items where nobody raised anything are
   * left out.
   */
  private void difficultiesAndProposals() {
    boolean any = false;
    for (DirectivePage.ItemView item : page.items()) {
      List<String> difficulties = new ArrayList<>();
      List<String> proposals = new ArrayList<>();
      for (AssignmentRow r : page.rows()) {
        if (r.item() != item.number() || r.reportedAt() == null) {
          continue;
        }
        Map<String, Object> report = reports.getOrDefault(r.id(), Map.of());
        String difficulty = DashboardQuery.text(report, AgencyAssignmentProcess.DIFFICULTIES.name());
        String proposal = DashboardQuery.text(report, AgencyAssignmentProcess.PROPOSALS.name());
        if (!nothing(difficulty)) {
          difficulties.add(nameOf(r) + ": " + difficulty.strip());
        }
        if (!nothing(proposal)) {
          proposals.add(nameOf(r) + ": " + proposal.strip());
        }
      }
      if (difficulties.isEmpty() && proposals.isEmpty()) {
        continue;
      }
      any = true;
      subheading("Nhiệm vụ " + item.number() + (item.heading() == null || item.heading().isBlank() ? ""
          : " (" + Texts.abbreviate(item.heading(), 110).replaceAll("[.;:]+$", "") + ")") + ":");
      gathered("a) Khó khăn, vướng mắc:", difficulties);
      gathered("b) Kiến nghị, đề xuất:", proposals);
    }
    if (!any) {
      justified("Các cơ quan, đơn vị đã báo cáo không nêu khó khăn, vướng mắc hay kiến nghị, đề xuất.");
    }
  }

  /** Blank, or what agencies write for nothing ("Không có.", "Không"): left out of what was raised. */
  private static boolean nothing(String text) {
    String t = text == null ? "" : text.toLowerCase(VI).replaceAll("[().;!\\s]+", " ").strip();
    return t.isEmpty() || t.matches("không|không có|chưa có|không có gì");
  }

  private void gathered(String label, List<String> entries) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    run(p, label, false, true, 14);
    if (entries.isEmpty()) {
      run(p, " (không có)", false, false, 14);
      return;
    }
    for (String e : entries) {
      justified("- " + e);
    }
  }

  private void agencySection(int n, List<AssignmentRow> rows) {
    subheading(n + ". " + nameOf(rows.get(0)));
    for (AssignmentRow r : rows) {
      Map<String, Object> report = reports.getOrDefault(r.id(), Map.of());
      DirectivePage.ItemView item = page.items().stream().filter(i -> i.number() == r.item()).findFirst().orElse(null);
      XWPFParagraph head = paragraph(ParagraphAlignment.BOTH);
      head.setIndentationFirstLine(567);
      if (r.reportedAt() == null) {
        run(head, "Nhiệm vụ " + r.item() + ": chưa báo cáo (" + r.statusLabel() + ", " + r.timing().text() + ").",
            false, true, 14);
        continue;
      }
      String completion = DashboardQuery.completion(report);
      run(head, "Nhiệm vụ " + r.item() + " — báo cáo ngày " + VnDates.format(r.reportedAt()) + " (" + r.statusLabel()
          + (r.arrivedAfterCollection() ? ", đến sau khi mở tổng hợp" : "") + ")"
          + (completion.isEmpty() ? "" : "; tình trạng thực hiện: " + completion) + ".", false, true, 14);
      if (item != null) {
        for (DirectivePage.BulletView b : item.bullets()) {
          String result = DashboardQuery.text(report, AgencyAssignmentProcess.bulletResult(b.number()).name());
          labelled("- Nội dung " + b.number() + " (" + Texts.abbreviate(b.text(), 110).replaceAll("[.;:]+$", "") + "): ",
              result);
        }
      }
      labelled("- Kết quả chung: ", DashboardQuery.text(report, AgencyAssignmentProcess.OVERALL_RESULT.name()));
      String update = DashboardQuery.text(report, vn.cascade.assignment.LaterUpdates.UPDATE_TEXT);
      if (!update.isBlank()) {
        labelled("- Cập nhật sau (đã hoàn thành): ", update);
      }
      labelled("- Khó khăn, vướng mắc: ", DashboardQuery.text(report, AgencyAssignmentProcess.DIFFICULTIES.name()));
      labelled("- Kiến nghị, đề xuất: ", DashboardQuery.text(report, AgencyAssignmentProcess.PROPOSALS.name()));
      String contact = String.join(", ", List.of(
          DashboardQuery.text(report, AgencyAssignmentProcess.CONTACT_PERSON.name()),
          DashboardQuery.text(report, AgencyAssignmentProcess.CONTACT_PHONE.name())).stream()
          .filter(s -> !s.isBlank()).toList());
      if (!contact.isEmpty()) {
        labelled("- Người liên hệ: ", contact);
      }
    }
  }

  private String nameOf(AssignmentRow r) {
    return fullNames.getOrDefault(r.agencyCode(), r.agencyName());
  }

  private void statusTable() {
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (AssignmentRow r : page.rows()) {
      rows.add(List.of(String.valueOf(++n), r.agencyName(), String.valueOf(r.item()), VnDates.format(r.deadline()),
          r.statusAndWork() + (r.reportedAt() != null && r.arrivedAfterCollection() ? "; đến sau khi mở tổng hợp" : ""),
          r.reportedAt() == null ? "" : VnDates.format(r.reportedAt())));
    }
    table(List.of("STT", "Cơ quan, đơn vị", "Nhiệm vụ", "Hạn báo cáo (trước ngày)", "Tình trạng báo cáo; thực hiện",
        "Ngày báo cáo"), rows, 720, 2500, 1000, 1500, 2100, TEXT_WIDTH - 720 - 2500 - 1000 - 1500 - 2100);
  }

  // ---------------------------------------------------------------- helpers

  private String signerTitle() {
    String name = collector.name();
    return name.startsWith("Sở ") ? "GIÁM ĐỐC" : "THỦ TRƯỞNG CƠ QUAN";
  }

  /** The agency's abbreviation for the symbol: an alias like "SKHĐT", or the initials of its name. */
  static String symbol(Agency agency) {
    for (String alias : agency.aliases()) {
      if (alias.matches("[\\p{Lu}]{2,}")) {
        return alias;
      }
    }
    StringBuilder b = new StringBuilder();
    for (String word : agency.name().split("\\s+")) {
      if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
        b.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return b.toString();
  }
}
