package vn.cascade.agency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cascade.common.InvalidInputException;

/**
 * The directory as an XLSX sheet, one agency a row under a header row: what the export writes the
 * import reads, so that a file exported and imported back changes nothing. Aliases are separated by
 * ";", mail addresses by ",".
 */
final class AgencyXlsx {

  static final List<String> HEADERS = List.of("Mã cơ quan", "Tên cơ quan", "Tên gọi khác (cách nhau bởi ;)",
      "Loại", "Thư điện tử (cách nhau bởi ,)", "Trực thuộc (mã cơ quan cấp trên)", "Mã thống kê (cấp xã)",
      "Đang hoạt động (có/không)");
  static final String SHEET = "Danh mục cơ quan";
  static final int MAX_ROWS = 5000;

  /** One row of an imported sheet, numbered as Excel shows it (the header is row 1). */
  record Row(int number, AgencyAdministration.AgencyInput input, String active) {}

  private static final Locale VI = Locale.forLanguageTag("vi");

  private AgencyXlsx() {}

  static byte[] write(Collection<Agency> agencies) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(SHEET);
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      var header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(HEADERS.get(i));
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (Agency a : agencies) {
        var row = sheet.createRow(r++);
        List<String> values = List.of(a.code(), a.name(), String.join("; ", a.aliases()), a.kind().code(),
            String.join(", ", a.emails()), a.parent() == null ? "" : a.parent(),
            a.statisticsCode() == null ? "" : a.statisticsCode(), a.active() ? "có" : "không");
        for (int i = 0; i < values.size(); i++) {
          row.createCell(i).setCellValue(values.get(i));
        }
      }
      int[] widths = {28, 60, 60, 14, 40, 24, 14, 12};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of the first sheet, blank rows left out; a file that is no XLSX or has other columns is refused. */
  static List<Row> read(InputStream in) {
    try (Workbook book = WorkbookFactory.create(in)) {
      Sheet sheet = book.getNumberOfSheets() == 0 ? null : book.getSheetAt(0);
      if (sheet == null || sheet.getRow(0) == null) {
        throw refused("Tệp không có dòng tiêu đề: dòng 1 phải là " + String.join(" | ", HEADERS) + ".");
      }
      DataFormatter text = new DataFormatter(VI);
      var header = sheet.getRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        String got = text.formatCellValue(header.getCell(i)).strip();
        if (!got.equalsIgnoreCase(HEADERS.get(i))) {
          throw refused("Dòng 1, cột " + (i + 1) + ": tiêu đề phải là \"" + HEADERS.get(i) + "\", tệp ghi \""
              + vn.cascade.common.Texts.abbreviate(got, 60) + "\". Xin dùng tệp tải về từ trang này làm mẫu.");
        }
      }
      if (sheet.getLastRowNum() > MAX_ROWS) {
        throw refused("Tệp có hơn " + MAX_ROWS + " dòng.");
      }
      List<Row> rows = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        var row = sheet.getRow(r);
        String[] v = new String[HEADERS.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = row == null ? "" : text.formatCellValue(row.getCell(i)).strip();
        }
        if (Arrays.stream(v).allMatch(String::isEmpty)) {
          continue;
        }
        rows.add(new Row(r + 1, new AgencyAdministration.AgencyInput(v[0], v[1], v[2], v[3], v[4], v[5], v[6]), v[7]));
      }
      if (rows.isEmpty()) {
        throw refused("Tệp không có cơ quan nào (chỉ có dòng tiêu đề).");
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw refused("Không đọc được tệp: cần một tệp Excel .xlsx (tải về từ trang này làm mẫu).");
    }
  }

  private static InvalidInputException refused(String message) {
    return new InvalidInputException("file", message);
  }

  /** "có" / "không" (blank: có), null when it is neither. */
  static Boolean active(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(VI);
    return switch (t) {
      case "", "có", "co" -> true;
      case "không", "khong" -> false;
      default -> null;
    };
  }

  static String kindLabel(AgencyKind kind) {
    return switch (kind) {
      case LEADERSHIP -> "lãnh đạo UBND tỉnh";
      case OFFICE -> "văn phòng";
      case PARTY -> "cơ quan Đảng";
      case DEPARTMENT -> "sở, ngành";
      case DISTRICT -> "cấp huyện";
      case COMMUNE -> "cấp xã";
    };
  }

  /** A kind by its code ("department") or its label ("sở, ngành"), null when neither. */
  static AgencyKind kindOf(String text) {
    String t = text.strip().toLowerCase(VI);
    for (AgencyKind kind : AgencyKind.values()) {
      if (kind.code().equals(t) || kindLabel(kind).toLowerCase(VI).equals(t)) {
        return kind;
      }
    }
    return null;
  }

  static String kindChoices() {
    return Arrays.stream(AgencyKind.values()).map(k -> k.code() + " (" + kindLabel(k) + ")")
        .collect(Collectors.joining(", "));
  }
}
