package vn.cascade.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import vn.cascade.agency.Agency;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;

/**
 * A draft of the collecting agency's summary report, laid out as Nghị định 30/2020/NĐ-CP lays
 * out an administrative document (Phụ lục I): A4, margins 20/20/30/15 mm, Times New Roman;
 * issuer top left with the number/symbol, quốc hiệu and tiêu ngữ top right with place and date,
 * the kind of document ("BÁO CÁO") and its summary, the body (reporting state, results per agency,
 * agencies missing, the difficulties and proposals gathered per item), then "Nơi nhận" and the signature.
 * Number, date and signature are left for the department to fill in.
 */
final class SummaryDocx {

  static final String QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";
  private static final String FONT = "Times New Roman";
  private static final Locale VI = Locale.forLanguageTag("vi");
  /** A4 (11906 twips) less the left (30 mm) and right (15 mm) margins. */
  private static final int TEXT_WIDTH = 11906 - 1701 - 850;

  private final DirectivePage page;
  private final Map<Long, Map<String, Object>> reports;
  private final Agency collector;
  private final String province;
  private final Map<String, String> fullNames;
  private final Instant now;
  private final XWPFDocument doc = new XWPFDocument();

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

  private byte[] build() {
    try (doc) {
      pageSetup();
      heading();
      title();
      body();
      footer();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A4 portrait; top and bottom 20 mm, left 30 mm, right 15 mm. */
  private void pageSetup() {
    CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
        : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
    margins.setTop(BigInteger.valueOf(1134));
    margins.setBottom(BigInteger.valueOf(1134));
    margins.setLeft(BigInteger.valueOf(1701));
    margins.setRight(BigInteger.valueOf(850));
  }

  /** Issuer and number on the left; quốc hiệu, tiêu ngữ, place and date on the right. */
  private void heading() {
    XWPFTable t = borderless(1, 2);
    widths(t, 3600, TEXT_WIDTH - 3600);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    line(left, true, "UBND TỈNH " + upper(province), false, false, 12);
    line(left, false, upper(collector.name()), true, false, 12);
    line(left, false, "________", false, false, 8);
    line(left, false, "Số:      /BC-" + symbol(collector), false, false, 13);
    line(right, true, QUOC_HIEU, true, false, 12);
    XWPFRun motto = line(right, false, TIEU_NGU, true, false, 13);
    motto.setUnderline(UnderlinePatterns.SINGLE);
    XWPFParagraph place = right.addParagraph();
    place.setAlignment(ParagraphAlignment.CENTER);
    place.setSpacingBefore(120);
    run(place, province + ", ngày … tháng … năm …", false, true, 13);
  }

  private void title() {
    Directive d = page.directive();
    XWPFParagraph kind = paragraph(ParagraphAlignment.CENTER);
    kind.setSpacingBefore(360);
    run(kind, "BÁO CÁO", true, false, 14);
    XWPFParagraph summary = paragraph(ParagraphAlignment.CENTER);
    run(summary, "Tổng hợp kết quả thực hiện Công văn số " + d.number() + " ngày " + VnDates.format(d.issuedOn())
        + " của " + d.issuer(), true, false, 14);
    if (d.title() != null && !d.title().isBlank()) {
      XWPFParagraph about = paragraph(ParagraphAlignment.CENTER);
      run(about, about(d.title()), true, false, 14);
    }
    XWPFParagraph rule = paragraph(ParagraphAlignment.CENTER);
    run(rule, "________", false, false, 8);
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
      XWPFParagraph head = paragraph(ParagraphAlignment.BOTH);
      head.setIndentationFirstLine(567);
      head.setSpacingBefore(120);
      run(head, "Nhiệm vụ " + item.number() + (item.heading() == null || item.heading().isBlank() ? ""
          : " (" + Texts.abbreviate(item.heading(), 110).replaceAll("[.;:]+$", "") + ")") + ":", true, false, 14);
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
    String full = nameOf(rows.get(0));
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    p.setSpacingBefore(120);
    run(p, n + ". " + full, true, false, 14);
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
    List<String> headers = List.of("STT", "Cơ quan, đơn vị", "Nhiệm vụ", "Hạn báo cáo (trước ngày)",
        "Tình trạng báo cáo; thực hiện", "Ngày báo cáo");
    XWPFTable t = doc.createTable(page.rows().size() + 1, headers.size());
    for (int i = 0; i < headers.size(); i++) {
      cell(t.getRow(0).getCell(i), headers.get(i), true);
    }
    int n = 0;
    for (AssignmentRow r : page.rows()) {
      XWPFTableRow row = t.getRow(++n);
      cell(row.getCell(0), String.valueOf(n), false);
      cell(row.getCell(1), r.agencyName(), false);
      cell(row.getCell(2), String.valueOf(r.item()), false);
      cell(row.getCell(3), VnDates.format(r.deadline()), false);
      cell(row.getCell(4), r.statusAndWork(), false);
      cell(row.getCell(5), r.reportedAt() == null ? "" : VnDates.format(r.reportedAt()), false);
    }
    t.getRow(0).setRepeatHeader(true);
    widths(t, 720, 2500, 1000, 1500, 2100, TEXT_WIDTH - 720 - 2500 - 1000 - 1500 - 2100);
  }

  /** "Nơi nhận" with the directive's recipients on the left, the signature on the right. */
  private void footer() {
    XWPFParagraph gap = paragraph(ParagraphAlignment.LEFT);
    gap.setSpacingBefore(240);
    XWPFTable t = borderless(1, 2);
    widths(t, TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    XWPFParagraph label = left.getParagraphs().get(0);
    XWPFRun r = run(label, "Nơi nhận:", true, true, 12);
    r.setFontSize(12);
    List<DirectiveDraft.Recipient> recipients = page.directive().body().recipients();
    for (int i = 0; i < recipients.size(); i++) {
      DirectiveDraft.Recipient rec = recipients.get(i);
      String purpose = rec.purpose() == null || rec.purpose().isBlank() || "lưu".equals(rec.purpose())
          ? "" : " (" + rec.purpose() + ")";
      XWPFParagraph p = left.addParagraph();
      p.setSpacingAfter(0);
      run(p, "- " + rec.name() + purpose + (i == recipients.size() - 1 ? "." : ";"), false, false, 11);
    }
    if (recipients.isEmpty()) {
      XWPFParagraph p = left.addParagraph();
      run(p, "- Lưu: VT.", false, false, 11);
    }
    line(right, true, signerTitle(), true, false, 13);
    line(right, false, "(Ký, ghi rõ họ tên, đóng dấu)", false, true, 13);
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

  /** "V/v triển khai …" → "về việc triển khai …". */
  private static String about(String title) {
    String t = title.strip();
    return t.regionMatches(true, 0, "V/v ", 0, 4) ? "về việc " + t.substring(4) : t;
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(VI);
  }

  private XWPFTable borderless(int rows, int cols) {
    XWPFTable t = doc.createTable(rows, cols);
    t.removeBorders();
    return t;
  }

  /** Fixed column widths in twips (Word and LibreOffice both honour the grid, not percentages). */
  private static void widths(XWPFTable t, int... twips) {
    CTTbl tbl = t.getCTTbl();
    CTTblPr pr = tbl.getTblPr() == null ? tbl.addNewTblPr() : tbl.getTblPr();
    (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
    int total = 0;
    for (int w : twips) {
      total += w;
    }
    t.setWidthType(TableWidthType.DXA);
    t.setWidth(String.valueOf(total));
    CTTblGrid grid = tbl.getTblGrid() == null ? tbl.addNewTblGrid() : tbl.getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int w : twips) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }
    for (XWPFTableRow row : t.getRows()) {
      for (int i = 0; i < twips.length && i < row.getTableCells().size(); i++) {
        row.getCell(i).setWidthType(TableWidthType.DXA);
        row.getCell(i).setWidth(String.valueOf(twips[i]));
      }
    }
  }

  private XWPFRun line(XWPFTableCell cell, boolean first, String text, boolean bold, boolean italic, int size) {
    XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingAfter(0);
    return run(p, text, bold, italic, size);
  }

  private void cell(XWPFTableCell cell, String text, boolean bold) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setSpacingAfter(0);
    run(p, text, bold, false, 12);
  }

  private XWPFParagraph paragraph(ParagraphAlignment alignment) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    p.setSpacingAfter(60);
    return p;
  }

  private void section(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    p.setSpacingBefore(200);
    run(p, text, true, false, 14);
  }

  private void justified(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    run(p, text, false, false, 14);
  }

  /** A label in bold followed by text an agency typed, kept as typed (line breaks included). */
  private void labelled(String label, String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    run(p, label, true, false, 14);
    run(p, text == null || text.isBlank() ? "(không có)" : text, false, false, 14);
  }

  /** A run of text; line breaks become breaks, characters XML cannot hold are dropped. */
  private static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
    XWPFRun r = p.createRun();
    r.setFontFamily(FONT);
    r.setFontSize(size);
    r.setBold(bold);
    r.setItalic(italic);
    String[] lines = XlsxExports.clean(text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        r.addBreak();
      }
      r.setText(lines[i], i);
    }
    return r;
  }
}
