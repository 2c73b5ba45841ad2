package vn.cascade.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
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

/**
 * An administrative document laid out as Nghị định 30/2020/NĐ-CP lays it out (Phụ lục I): A4,
 * margins 20/20/30/15 mm, Times New Roman; issuer top left with the number/symbol, quốc hiệu and
 * tiêu ngữ top right with place and date, the kind of document and its summary, the body, then
 * "Nơi nhận" and the signature. The drafts Cascade makes ({@link SummaryDocx}, {@link ReportBackDocx})
 * write their body with the helpers here; number, date and signature are left to fill in.
 */
abstract class OfficialDocx {

  static final String QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";
  static final String SIGNATURE = "(Ký, ghi rõ họ tên, đóng dấu)";
  private static final String FONT = "Times New Roman";
  static final Locale VI = Locale.forLanguageTag("vi");
  /** A4 (11906 twips) less the left (30 mm) and right (15 mm) margins. */
  static final int TEXT_WIDTH = 11906 - 1701 - 850;

  final XWPFDocument doc = new XWPFDocument();

  /** Writes heading, title, body and footer with the helpers below. */
  abstract void compose();

  final byte[] build() {
    try (doc) {
      pageSetup();
      compose();
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

  /**
   * Issuer and number on the left (the superior body, if any, above the issuer in bold); quốc hiệu,
   * tiêu ngữ, place and date on the right.
   */
  void heading(String superior, String issuer, String number, String province) {
    XWPFTable t = borderless(1, 2);
    widths(t, 3600, TEXT_WIDTH - 3600);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    boolean first = true;
    if (superior != null) {
      line(left, true, superior, false, false, 12);
      first = false;
    }
    line(left, first, upper(issuer), true, false, 12);
    line(left, false, "________", false, false, 8);
    line(left, false, number, false, false, 13);
    line(right, true, QUOC_HIEU, true, false, 12);
    XWPFRun motto = line(right, false, TIEU_NGU, true, false, 13);
    motto.setUnderline(UnderlinePatterns.SINGLE);
    XWPFParagraph place = right.addParagraph();
    place.setAlignment(ParagraphAlignment.CENTER);
    place.setSpacingBefore(120);
    run(place, province + ", ngày … tháng … năm …", false, true, 13);
  }

  /** The kind of document ("BÁO CÁO") and its summary lines (blank ones left out), then a short rule. */
  void title(String kind, String... summary) {
    XWPFParagraph head = paragraph(ParagraphAlignment.CENTER);
    head.setSpacingBefore(360);
    run(head, kind, true, false, 14);
    for (String line : summary) {
      if (line != null && !line.isBlank()) {
        run(paragraph(ParagraphAlignment.CENTER), line, true, false, 14);
      }
    }
    run(paragraph(ParagraphAlignment.CENTER), "________", false, false, 8);
  }

  /** "Nơi nhận" with the recipients on the left (the last ends with a full stop), the signature on the right. */
  void footer(List<String> recipients, List<String> signer) {
    XWPFParagraph gap = paragraph(ParagraphAlignment.LEFT);
    gap.setSpacingBefore(240);
    XWPFTable t = borderless(1, 2);
    widths(t, TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    run(left.getParagraphs().get(0), "Nơi nhận:", true, true, 12);
    List<String> lines = recipients.isEmpty() ? List.of("Lưu: VT") : recipients;
    for (int i = 0; i < lines.size(); i++) {
      XWPFParagraph p = left.addParagraph();
      p.setSpacingAfter(0);
      run(p, "- " + lines.get(i) + (i == lines.size() - 1 ? "." : ";"), false, false, 11);
    }
    for (int i = 0; i < signer.size(); i++) {
      line(right, i == 0, signer.get(i), true, false, 13);
    }
    line(right, false, SIGNATURE, false, true, 13);
  }

  /** A bordered table with a repeated bold header row and fixed column widths (twips). */
  void table(List<String> headers, List<List<String>> rows, int... twips) {
    XWPFTable t = doc.createTable(rows.size() + 1, headers.size());
    for (int i = 0; i < headers.size(); i++) {
      cell(t.getRow(0).getCell(i), headers.get(i), true);
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int i = 0; i < headers.size(); i++) {
        cell(t.getRow(r + 1).getCell(i), rows.get(r).get(i), false);
      }
    }
    t.getRow(0).setRepeatHeader(true);
    widths(t, twips);
  }

  /** "V/v triển khai …" → "về việc triển khai …". */
  static String about(String title) {
    String t = title.strip();
    return t.regionMatches(true, 0, "V/v ", 0, 4) ? "về việc " + t.substring(4) : t;
  }

  static String upper(String s) {
    return s == null ? "" : s.toUpperCase(VI);
  }

  XWPFTable borderless(int rows, int cols) {
    XWPFTable t = doc.createTable(rows, cols);
    t.removeBorders();
    return t;
  }

  /** Fixed column widths in twips (Word and LibreOffice both honour the grid, not percentages). */
  static void widths(XWPFTable t, int... twips) {
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

  XWPFRun line(XWPFTableCell cell, boolean first, String text, boolean bold, boolean italic, int size) {
    XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingAfter(0);
    return run(p, text, bold, italic, size);
  }

  void cell(XWPFTableCell cell, String text, boolean bold) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setSpacingAfter(0);
    run(p, text, bold, false, 12);
  }

  XWPFParagraph paragraph(ParagraphAlignment alignment) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    p.setSpacingAfter(60);
    return p;
  }

  void section(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    p.setSpacingBefore(200);
    run(p, text, true, false, 14);
  }

  /** A bold heading inside a section ("1. …", "Nhiệm vụ 2: …"). */
  void subheading(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    p.setSpacingBefore(120);
    run(p, text, true, false, 14);
  }

  void justified(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    run(p, text, false, false, 14);
  }

  /** A label in bold followed by text someone typed, kept as typed (line breaks included). */
  void labelled(String label, String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    run(p, label, true, false, 14);
    run(p, text == null || text.isBlank() ? "(không có)" : text, false, false, 14);
  }

  /** A run of text; line breaks become breaks, characters XML cannot hold are dropped. */
  static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
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
