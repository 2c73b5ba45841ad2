package vn.cascade.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.common.VnDates;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionItemTrace;
import vn.cascade.directive.Directive;
import vn.cascade.summary.SummaryDocument;

/**
 * A draft of UBND tỉnh's report to Ban Thường vụ Tỉnh ủy on a Conclusion, in the layout of
 * {@link OfficialDocx}: how the Conclusion was implemented (the directives, number and date, and
 * the summary each collector had approved, with its version), then one section per key task of
 * the Conclusion with its lineage (Kết luận → Công văn → agencies) and a table of the assignments
 * carrying it and their state (reported on time, late, or not yet), then what UBND tỉnh proposes,
 * "Nơi nhận" and the signature of its Chairman. Number, date, proposals and signature are left to
 * Văn phòng UBND to fill in.
 */
final class ReportBackDocx extends OfficialDocx {

  /** A directive implementing the Conclusion, with its collector's name and its approved summary, if any. */
  record Implementing(Directive directive, String collector, SummaryDocument approvedSummary) {}

  private final Conclusion conclusion;
  private final List<Implementing> directives;
  private final List<ConclusionItemTrace> items;
  private final String province;
  private final String at;

  private ReportBackDocx(Conclusion conclusion, List<Implementing> directives, List<ConclusionItemTrace> items,
      String province, String at) {
    this.conclusion = conclusion;
    this.directives = directives;
    this.items = items;
    this.province = province;
    this.at = at;
  }

  /** @param items the trace of every key task of the Conclusion, in its order */
  static byte[] write(Conclusion conclusion, List<Implementing> directives, List<ConclusionItemTrace> items,
      String province, java.time.Instant now) {
    return new ReportBackDocx(conclusion, directives, items, province, VnDates.format(now)).build();
  }

  @Override
  void compose() {
    Conclusion c = conclusion;
    heading(null, "ỦY BAN NHÂN DÂN\nTỈNH " + upper(province), "Số:      /BC-UBND", province);
    String of = "Kết luận số " + c.number() + " ngày " + VnDates.format(c.issuedOn()) + " của " + c.issuer();
    title("BÁO CÁO", "Kết quả thực hiện " + of, c.title() == null ? null : about(c.title()));
    justified("Thực hiện " + of + (c.title() == null ? "" : " " + about(c.title()).replaceFirst("\\.$", ""))
        + ", Ủy ban nhân dân tỉnh báo cáo " + reportTo() + " kết quả thực hiện như sau:");
    implementation();
    results();
    section("III. ĐỀ XUẤT, KIẾN NGHỊ");
    justified("(Văn phòng UBND tỉnh bổ sung nội dung đề xuất, kiến nghị Ban Thường vụ Tỉnh ủy.)");
    List<String> recipients = new ArrayList<>();
    recipients.add(reportTo() + " (báo cáo)");
    recipients.add("Văn phòng Tỉnh ủy");
    recipients.add("Chủ tịch, các Phó Chủ tịch UBND tỉnh");
    directives.stream().map(Implementing::collector).distinct().forEach(recipients::add);
    recipients.add("Lưu: VT");
    footer(recipients, List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"));
  }

  private String reportTo() {
    String to = conclusion.body().reportBackTo();
    return to == null || to.isBlank() ? "Ban Thường vụ Tỉnh ủy" : to;
  }

  /** The directives that carried the Conclusion to the agencies, and the summary approved for each. */
  private void implementation() {
    section("I. CÔNG TÁC TRIỂN KHAI");
    if (directives.isEmpty()) {
      justified("Ủy ban nhân dân tỉnh chưa ban hành văn bản triển khai Kết luận.");
      return;
    }
    for (Implementing i : directives) {
      Directive d = i.directive();
      int agencies = (int) items.stream().flatMap(t -> t.assignments().stream())
          .filter(a -> a.directiveId() == d.id()).map(ConclusionItemTrace.Carrier::agency).distinct().count();
      justified("- Công văn số " + d.number() + " ngày " + VnDates.format(d.issuedOn()) + " của " + d.issuer()
          + (d.title() == null ? "" : " " + about(d.title()).replaceFirst("\\.$", "")) + ", giao " + agencies
          + " cơ quan, đơn vị thực hiện, báo cáo trước ngày " + VnDates.format(d.reportDeadline()) + "; "
          + i.collector() + " tổng hợp" + summary(i) + ".");
    }
  }

  private static String summary(Implementing i) {
    SummaryDocument s = i.approvedSummary();
    if (s == null) {
      return ", báo cáo tổng hợp chưa được lãnh đạo UBND tỉnh phê duyệt";
    }
    String number = i.directive().summaryNumber();
    return " tại Báo cáo" + (number == null || number.isBlank() ? "" : " số " + number) + " (phiên bản " + s.version()
        + ", lãnh đạo UBND tỉnh phê duyệt ngày " + VnDates.format(s.decidedAt()) + ")";
  }

  /** One section per key task: its lineage, then its assignments and their state. */
  private void results() {
    section("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ");
    for (ConclusionItemTrace item : items) {
      subheading(item.item() + ". " + item.itemText());
      List<ConclusionItemTrace.Carrier> carriers = item.assignments();
      if (carriers.isEmpty()) {
        justified("Nhiệm vụ chưa được giao cho cơ quan, đơn vị nào trong văn bản triển khai.");
        continue;
      }
      Map<String, List<Integer>> byDirective = new LinkedHashMap<>();
      for (ConclusionItemTrace.Carrier a : carriers) {
        List<Integer> n = byDirective.computeIfAbsent(a.directiveNumber(), k -> new ArrayList<>());
        if (!n.contains(a.directiveItem())) {
          n.add(a.directiveItem());
        }
      }
      Function<ReportStatus, Long> count = s -> carriers.stream().filter(a -> a.status() == s).count();
      long missing = count.apply(ReportStatus.OPEN_IN_TIME) + count.apply(ReportStatus.OPEN_OVERDUE);
      List<String> via = new ArrayList<>();
      byDirective.forEach((number, numbers) -> via.add("Công văn số " + number + " ngày " + dateOf(number)
          + " (nhiệm vụ " + String.join(", ", numbers.stream().map(String::valueOf).toList()) + ")"));
      justified("Kết luận số " + conclusion.number() + " (nhiệm vụ " + item.item() + ") → " + String.join("; ", via)
          + " → " + carriers.size() + " nhiệm vụ của các cơ quan, đơn vị. Đến ngày " + at + ": "
          + count.apply(ReportStatus.COMPLETED_ON_TIME) + " " + ReportStatus.COMPLETED_ON_TIME.label() + ", "
          + count.apply(ReportStatus.COMPLETED_LATE) + " " + ReportStatus.COMPLETED_LATE.label() + ", " + missing
          + " chưa báo cáo.");
      List<List<String>> rows = new ArrayList<>();
      int n = 0;
      for (ConclusionItemTrace.Carrier a : carriers) {
        rows.add(List.of(String.valueOf(++n), a.agencyName(), a.directiveNumber() + ", nhiệm vụ " + a.directiveItem(),
            VnDates.format(a.deadline()), a.statusLabel(), a.reportedAt() == null ? "" : VnDates.format(a.reportedAt())));
      }
      table(List.of("STT", "Cơ quan, đơn vị", "Công văn, nhiệm vụ", "Hạn báo cáo (trước ngày)", "Tình trạng",
          "Ngày báo cáo"), rows, 600, 2300, 1900, 1350, 1700, TEXT_WIDTH - 600 - 2300 - 1900 - 1350 - 1700);
    }
  }

  private String dateOf(String directiveNumber) {
    return directives.stream().map(Implementing::directive).filter(d -> d.number().equals(directiveNumber)).findFirst()
        .map(d -> VnDates.format(d.issuedOn())).orElse("…");
  }
}
