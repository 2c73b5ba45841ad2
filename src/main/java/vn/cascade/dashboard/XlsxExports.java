package vn.cascade.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;

/**
 * The XLSX exports: Vietnamese headers, dates as real Excel dates (dd/mm/yyyy), numbers as
 * numbers, and everything an agency typed as plain text cells (never a formula).
 */
final class XlsxExports {

  static final String DIRECTIVE_SHEET = "Tình hình thực hiện";
  static final String TOTALS_SHEET = "Tổng hợp";
  static final String AGENCY_SHEET = "Theo cơ quan";
  static final int HEADER_ROW = 4;

  static final List<String> DIRECTIVE_HEADERS = List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
      "Hạn ban đầu (trước ngày)", "Hạn hiện hành (trước ngày)", "Tình trạng báo cáo", "Sắp đến hạn", "Ngày báo cáo",
      "Số ngày sớm (−) / trễ (+)", "Ghi chú", "Số lần nhắc hạn", "Số lần đôn đốc", "Tình trạng thực hiện (cơ quan báo)",
      "Kết quả chung", "Người liên hệ", "Điện thoại");

  static final List<String> AGENCY_HEADERS = List.of("STT", "Mã", "Cơ quan", "Được giao",
      ReportStatus.COMPLETED_ON_TIME.label(), ReportStatus.COMPLETED_LATE.label(), ReportStatus.OPEN_IN_TIME.label(),
      ReportStatus.OPEN_OVERDUE.label(), "Sắp đến hạn", "Tỷ lệ đúng hạn");

  /** Excel's limit for the text of one cell. */
  private static final int MAX_CELL = 32_000;

  private XlsxExports() {}

  static byte[] directive(DirectivePage page, Map<Long, Map<String, Object>> reports, Instant now) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      Directive d = page.directive();
      Sheet sheet = wb.createSheet(DIRECTIVE_SHEET);
      text(sheet, 0, 0, "Tình hình thực hiện Công văn số " + d.number() + " ngày " + VnDates.format(d.issuedOn()),
          st.title);
      text(sheet, 1, 0, d.title(), null);
      text(sheet, 2, 0, "Số liệu tính đến " + VnDates.formatWithTime(now)
          + (page.partial() ? " — chỉ gồm nhiệm vụ của đơn vị bạn" : ""), st.note);
      header(sheet, HEADER_ROW, DIRECTIVE_HEADERS, st);
      int r = HEADER_ROW + 1;
      int n = 0;
      for (AssignmentRow a : page.rows()) {
        Map<String, Object> report = reports.getOrDefault(a.id(), Map.of());
        Row row = sheet.createRow(r++);
        int c = 0;
        number(row, c++, ++n, st.cell);
        number(row, c++, a.item(), st.cell);
        string(row, c++, a.agencyName(), st.cell);
        string(row, c++, String.join(", ", a.coordinating()), st.cell);
        date(row, c++, a.originalDeadline(), st.date);
        date(row, c++, a.deadline(), st.date);
        string(row, c++, a.statusLabel(), st.cell);
        string(row, c++, a.dueSoon() ? "sắp đến hạn" : "", st.cell);
        date(row, c++, a.reportedAt() == null ? null : a.reportedAt().atZone(VnDates.ZONE).toLocalDate(), st.date);
        number(row, c++, a.timing().days(), st.cell);
        string(row, c++, a.timing().text() + (a.arrivedAfterCollection() ? "; đến sau khi mở tổng hợp" : ""), st.cell);
        number(row, c++, a.reminders(), st.cell);
        number(row, c++, a.urgings(), st.cell);
        string(row, c++, a.workStatus(), st.cell);
        string(row, c++, DashboardQuery.text(report, AgencyAssignmentProcess.OVERALL_RESULT.name()), st.wrap);
        string(row, c++, DashboardQuery.text(report, AgencyAssignmentProcess.CONTACT_PERSON.name()), st.cell);
        string(row, c, DashboardQuery.text(report, AgencyAssignmentProcess.CONTACT_PHONE.name()), st.cell);
      }
      widths(sheet, 6, 10, 26, 26, 14, 14, 26, 13, 14, 12, 24, 10, 10, 16, 60, 20, 16);
      finish(sheet, DIRECTIVE_HEADERS.size(), r - 1);

      Sheet totals = wb.createSheet(TOTALS_SHEET);
      text(totals, 0, 0, "Tổng hợp theo tình trạng — Công văn số " + d.number(), st.title);
      header(totals, 2, List.of("Tình trạng", "Số nhiệm vụ", "Tỷ lệ"), st);
      int t = 3;
      Counts counts = page.counts();
      for (ReportStatus s : ReportStatus.values()) {
        Row row = totals.createRow(t++);
        string(row, 0, s.label(), st.cell);
        number(row, 1, counts.count(s), st.cell);
        ratio(row, 2, counts.total() == 0 ? null : (double) counts.count(s) / counts.total(), st.percent);
      }
      Row soon = totals.createRow(t++);
      string(soon, 0, "trong đó: " + Buckets.DUE_SOON_LABEL, st.cell);
      number(soon, 1, counts.dueSoon(), st.cell);
      Row sum = totals.createRow(t);
      string(sum, 0, "Tổng cộng", st.bold);
      number(sum, 1, counts.total(), st.bold);
      widths(totals, 40, 14, 10);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] agencies(List<AgencyStat> stats, Instant now) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      Sheet sheet = wb.createSheet(AGENCY_SHEET);
      text(sheet, 0, 0, "Tình hình thực hiện nhiệm vụ theo cơ quan, đơn vị", st.title);
      Row asOf = sheet.createRow(1);
      string(asOf, 0, "Tính đến ngày", st.note);
      date(asOf, 2, now.atZone(VnDates.ZONE).toLocalDate(), st.date);
      text(sheet, 2, 0, "Tỷ lệ đúng hạn = đã báo cáo đúng hạn / (đã báo cáo + chưa báo cáo, quá hạn).",
          st.note);
      header(sheet, HEADER_ROW, AGENCY_HEADERS, st);
      int r = HEADER_ROW + 1;
      int n = 0;
      Counts total = Counts.NONE;
      for (AgencyStat s : stats) {
        Row row = sheet.createRow(r++);
        counts(row, ++n, s.code(), s.name(), s.counts(), st, st.cell);
        total = total.plus(s.counts());
      }
      Row sum = sheet.createRow(r++);
      counts(sum, null, "", "Tổng cộng", total, st, st.bold);
      widths(sheet, 6, 16, 34, 11, 16, 16, 16, 16, 12, 12);
      finish(sheet, AGENCY_HEADERS.size(), r - 2);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void counts(Row row, Integer n, String code, String name, Counts c, Styles st, CellStyle style) {
    int i = 0;
    if (n == null) {
      string(row, i++, "", style);
    } else {
      number(row, i++, n, style);
    }
    string(row, i++, code, style);
    string(row, i++, name, style);
    number(row, i++, c.total(), style);
    number(row, i++, c.onTime(), style);
    number(row, i++, c.late(), style);
    number(row, i++, c.open(), style);
    number(row, i++, c.overdue(), style);
    number(row, i++, c.dueSoon(), style);
    ratio(row, i, c.onTimeRate(), st.percent);
  }

  // ---------------------------------------------------------------- cells

  private static final class Styles {
    final CellStyle title;
    final CellStyle note;
    final CellStyle header;
    final CellStyle cell;
    final CellStyle wrap;
    final CellStyle bold;
    final CellStyle date;
    final CellStyle percent;

    Styles(XSSFWorkbook wb) {
      Font titleFont = wb.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 13);
      title = wb.createCellStyle();
      title.setFont(titleFont);
      Font italic = wb.createFont();
      italic.setItalic(true);
      note = wb.createCellStyle();
      note.setFont(italic);
      Font boldFont = wb.createFont();
      boldFont.setBold(true);
      header = bordered(wb);
      header.setFont(boldFont);
      header.setWrapText(true);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      cell = bordered(wb);
      wrap = bordered(wb);
      wrap.setWrapText(true);
      bold = bordered(wb);
      bold.setFont(boldFont);
      date = bordered(wb);
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      percent = bordered(wb);
      percent.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.0%"));
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
      CellStyle s = wb.createCellStyle();
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      s.setVerticalAlignment(VerticalAlignment.TOP);
      return s;
    }
  }

  private static void header(Sheet sheet, int r, List<String> headers, Styles st) {
    Row row = sheet.createRow(r);
    for (int i = 0; i < headers.size(); i++) {
      string(row, i, headers.get(i), st.header);
    }
  }

  private static void text(Sheet sheet, int r, int c, String value, CellStyle style) {
    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    string(row, c, value, style);
  }

  /** Always a string cell: a text starting with "=" stays text. */
  private static void string(Row row, int c, String value, CellStyle style) {
    Cell cell = row.createCell(c);
    cell.setCellValue(clean(value));
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static void number(Row row, int c, double value, CellStyle style) {
    Cell cell = row.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static void date(Row row, int c, LocalDate value, CellStyle style) {
    Cell cell = row.createCell(c);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
  }

  private static void ratio(Row row, int c, Double value, CellStyle style) {
    Cell cell = row.createCell(c);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
  }

  private static void widths(Sheet sheet, int... chars) {
    for (int i = 0; i < chars.length; i++) {
      sheet.setColumnWidth(i, chars[i] * 256);
    }
  }

  /** Header row frozen, and filters on it over the data rows (the last one inclusive). */
  private static void finish(Sheet sheet, int columns, int lastDataRow) {
    sheet.createFreezePane(0, HEADER_ROW + 1);
    sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, lastDataRow), 0, columns - 1));
  }

  /** Text fit for a cell: no XML-forbidden control characters, within Excel's length. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    return t.length() > MAX_CELL ? t.substring(0, MAX_CELL - 1) + "…" : t;
  }

  private static byte[] bytes(XSSFWorkbook wb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }
}
