package vn.cascade.intake;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Assumptions;

/** A letter's text made into the files an office sends: a PDF typeset with PDFBox, a DOCX with POI. */
public final class LetterDocuments {

  /** A font with Vietnamese glyphs, as Debian installs it. */
  static final File FONT = font();

  private static final float SIZE = 11;
  private static final float LEADING = 15;
  private static final float MARGIN = 56;

  private LetterDocuments() {}

  private static File font() {
    for (String path : new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"}) {
      if (new File(path).isFile()) {
        return new File(path);
      }
    }
    return null;
  }

  static void requireFont() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (FONT == null && ci) {
      throw new IllegalStateException("No TTF font with Vietnamese glyphs (fonts-dejavu-core) on this CI machine.");
    }
    Assumptions.assumeTrue(FONT != null, "Skipped: no DejaVuSans or LiberationSerif under /usr/share/fonts.");
  }

  /**
   * The text as an A4 PDF with a text layer: each line of the text wrapped at the page's width, a
   * blank line as a blank line, a paragraph that no longer fits on a page starting the next one. An
   * assignment table written in aligned columns (from the line starting "STT" to the next blank line)
   * is set in smaller type, each cell at its column's place, as a PDF table's text lies on the page.
   */
  public static byte[] pdf(String text) {
    requireFont();
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFont font = PDType0Font.load(document, FONT);
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
      List<List<Line>> pages = new ArrayList<>();
      List<Line> page = new ArrayList<>();
      List<Integer> columns = null;
      float[] columnX = null;
      List<String> lines = List.of(text.replace("**", "").split("\n", -1));
      for (int n = 0; n < lines.size(); n++) {
        String line = lines.get(n);
        List<Line> set;
        if (line.strip().startsWith("STT ")) {
          columns = columnStarts(line);
          columnX = new float[columns.size()];
          float x = 0;
          for (int c = 0; c < columns.size(); c++) {
            columnX[c] = x;
            float widest = 0;
            for (int k = n; k < lines.size() && !lines.get(k).isBlank(); k++) {
              widest = Math.max(widest, width(font, cells(lines.get(k), columns).get(c), TABLE_SIZE));
            }
            x += widest + 10;
          }
        }
        if (line.isBlank()) {
          columns = null;
          set = List.of(new Line("", null, null));
        } else if (columns != null) {
          set = List.of(new Line(null, cells(line, columns), columnX));
        } else {
          set = wrap(line.strip(), font, width).stream().map(l -> new Line(l, null, null)).toList();
        }
        if (page.size() + set.size() > perPage && !page.isEmpty()) {
          pages.add(page);
          page = new ArrayList<>();
        }
        page.addAll(set);
      }
      pages.add(page);
      for (List<Line> onPage : pages) {
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        try (PDPageContentStream content = new PDPageContentStream(document, p)) {
          float y = PDRectangle.A4.getHeight() - MARGIN;
          for (Line l : onPage) {
            if (l.text() != null && !l.text().isEmpty()) {
              show(content, font, SIZE, MARGIN, y, l.text());
            } else if (l.cells() != null) {
              for (int c = 0; c < l.cells().size(); c++) {
                if (!l.cells().get(c).isEmpty()) {
                  show(content, font, TABLE_SIZE, MARGIN + l.x()[c], y, l.cells().get(c));
                }
              }
            }
            y -= LEADING;
          }
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final float TABLE_SIZE = 7;

  /** A line of the page: a text, or a table's cells at their columns' places. */
  private record Line(String text, List<String> cells, float[] x) {}

  private static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String s)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(s);
    content.endText();
  }

  private static List<Integer> columnStarts(String header) {
    List<Integer> columns = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s{2,})(\\S)").matcher(header);
    while (m.find()) {
      columns.add(m.start(1));
    }
    return columns;
  }

  /**
   * A paragraph's words in lines of the width. Like a typesetter's, the breaks fall between words; as
   * in a letter set by hand, no line after the first begins like an item or a bullet.
   */
  private static List<String> wrap(String paragraph, PDFont font, float width) throws IOException {
    String[] words = paragraph.split(" +");
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < words.length) {
      int end = start + 1;
      while (end < words.length && width(font, join(words, start, end + 1)) <= width) {
        end++;
      }
      // Not before a word that would read as a new item or bullet, nor after one that ends a sentence.
      while (end < words.length && end - start > 1
          && (LetterText.startsBlock(join(words, end, words.length)) || ".:;!?".indexOf(last(words[end - 1])) >= 0)) {
        end--;
      }
      lines.add(join(words, start, end));
      start = end;
    }
    return lines;
  }

  private static char last(String word) {
    return word.charAt(word.length() - 1);
  }

  private static String join(String[] words, int from, int to) {
    return String.join(" ", java.util.Arrays.asList(words).subList(from, to));
  }

  private static float width(PDFont font, String s) throws IOException {
    return width(font, s, SIZE);
  }

  private static float width(PDFont font, String s, float size) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /**
   * The text as a DOCX, one paragraph a line. An assignment table written in aligned columns (from
   * the line starting "STT" to the next blank line) becomes a real table, its columns where the
   * header's words start: a row per numbered line, a line without a number continuing the cells above.
   */
  static byte[] docx(String text) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFTable table = null;
      List<Integer> columns = null;
      List<StringBuilder> row = null;
      for (String line : text.replace("**", "").split("\n", -1)) {
        String l = line.strip();
        if (l.startsWith("STT ")) {
          columns = columnStarts(line);
          table = document.createTable(1, columns.size());
          fill(table.getRow(0), cells(line, columns));
          row = null;
          continue;
        }
        if (table != null && !l.isEmpty()) {
          List<String> cells = cells(line, columns);
          if (cells.get(0).matches("\\d+")) {
            row = new ArrayList<>();
            for (String c : cells) {
              row.add(new StringBuilder(c));
            }
            table.createRow();
          } else if (row != null) {
            for (int c = 0; c < cells.size(); c++) {
              if (!cells.get(c).isEmpty()) {
                row.get(c).append(' ').append(cells.get(c));
              }
            }
          }
          fill(table.getRow(table.getNumberOfRows() - 1), row.stream().map(StringBuilder::toString).toList());
          continue;
        }
        table = null;
        document.createParagraph().createRun().setText(l);
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> cells(String line, List<Integer> columns) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      int from = Math.min(columns.get(c), line.length());
      int to = c + 1 < columns.size() ? Math.min(columns.get(c + 1), line.length()) : line.length();
      out.add(line.substring(from, to).strip());
    }
    return out;
  }

  private static void fill(XWPFTableRow row, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      var cell = row.getCell(c);
      while (cell.getParagraphs().size() > 1) {
        cell.removeParagraph(1);
      }
      var paragraph = cell.getParagraphs().get(0);
      while (!paragraph.getRuns().isEmpty()) {
        paragraph.removeRun(0);
      }
      paragraph.createRun().setText(cells.get(c));
    }
  }
}
