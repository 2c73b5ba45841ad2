package vn.cascade.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.cascade.common.Texts;

/**
 * The text of a letter's file: PDF (its text layer, or OCR of its pages when it is a scan), DOCX
 * (paragraphs and tables in document order), an image (OCR) or UTF-8 text. Pure: no Spring. The
 * bytes decide the type; the name and the type the browser sent only word the messages.
 */
public final class LetterFiles {

  /** The largest file read: 20 MB. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  /** A scan longer than this is refused rather than tying the server up in OCR. */
  static final int MAX_OCR_PAGES = 30;

  /** A page with fewer letters than this in its text layer is taken for a scan. */
  private static final int SCANNED_PAGE_LETTERS = 20;

  private static final int OCR_DPI = 300;
  /** An A4 page at 300 dpi is 8.7 million pixels; a page drawn far larger is rendered smaller. */
  private static final double MAX_OCR_PIXELS = 12_000_000;
  private static final long OCR_TIMEOUT_SECONDS = 120;

  private static final String TYPES = "Chỉ nhận tệp PDF, DOCX, TXT hoặc ảnh chụp (PNG, JPEG, TIFF).";

  private LetterFiles() {}

  /**
   * The letter's text, ready for {@link DirectiveImport#read} or {@link ConclusionImport#read}.
   *
   * @param fileName the uploaded file's name (may be null)
   * @param contentType the type the browser sent (may be null; the bytes decide)
   * @throws LetterFileException with a Vietnamese message and the HTTP status to answer
   */
  public static String text(String fileName, String contentType, byte[] bytes) {
    return text(fileName, contentType, bytes, tesseract());
  }

  /** The same with the OCR program named (for a test of a server without it). */
  static String text(String fileName, String contentType, byte[] bytes, String tesseract) {
    if (bytes == null || bytes.length == 0) {
      throw new LetterFileException(400, "Tệp " + quoted(fileName) + "trống.");
    }
    if (bytes.length > MAX_BYTES) {
      throw new LetterFileException(413, "Tệp " + quoted(fileName) + "lớn hơn giới hạn 20 MB.");
    }
    String text = switch (kind(bytes)) {
      case PDF -> pdf(fileName, bytes, tesseract);
      case DOCX -> docx(fileName, bytes);
      case IMAGE -> image(fileName, bytes, tesseract);
      case OLD_WORD -> throw new LetterFileException(400, "Tệp " + quoted(fileName)
          + "là tệp Word 97-2003 (.doc) hoặc tệp Word đặt mật khẩu, chưa đọc được; xin lưu lại thành .docx "
          + "không đặt mật khẩu hoặc PDF.");
      case OTHER -> plain(fileName, contentType, bytes);
    };
    if (text.isBlank()) {
      throw new LetterFileException(400, ("Không tìm thấy chữ nào trong tệp " + quoted(fileName)).strip()
          + "; đây không phải một văn bản.");
    }
    return text;
  }

  /**
   * The type a read letter's bytes are, for keeping and serving the file (never the type the browser
   * sent): {@code application/pdf}, the DOCX type, {@code image/png}, {@code image/jpeg}, {@code image/tiff}
   * or {@code text/plain; charset=UTF-8}.
   */
  static String contentType(byte[] bytes) {
    return switch (kind(bytes)) {
      case PDF -> "application/pdf";
      case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case IMAGE -> bytes[0] == (byte) 0x89 ? "image/png" : bytes[0] == (byte) 0xFF ? "image/jpeg" : "image/tiff";
      case OLD_WORD -> "application/octet-stream";
      case OTHER -> "text/plain; charset=UTF-8";
    };
  }

  private enum Kind { PDF, DOCX, IMAGE, OLD_WORD, OTHER }

  private static Kind kind(byte[] b) {
    if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Kind.PDF;
    }
    if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
      return Kind.DOCX;
    }
    if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) || startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
        || startsWith(b, new byte[] {'I', 'I', 42, 0}) || startsWith(b, new byte[] {'M', 'M', 0, 42})) {
      return Kind.IMAGE;
    }
    if (startsWith(b, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
      return Kind.OLD_WORD;
    }
    return Kind.OTHER;
  }

  private static boolean startsWith(byte[] b, byte[] magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  // --- PDF ---------------------------------------------------------------------------------

  private static String pdf(String fileName, byte[] bytes, String tesseract) {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new ColumnStripper();
      stripper.setSortByPosition(true);
      // A paragraph apart from the one before (a blank line's gap, an indented first line) starts after
      // a blank line, as in a letter's text: lines of one paragraph join, paragraphs do not.
      stripper.setParagraphStart("\n");
      int pages = document.getNumberOfPages();
      StringBuilder out = new StringBuilder();
      PDFRenderer renderer = null;
      int scanned = 0;
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(document);
        if (letters(text) < SCANNED_PAGE_LETTERS) {
          if (++scanned > MAX_OCR_PAGES) {
            throw new LetterFileException(413, "Tệp " + quoted(fileName) + "là bản chụp dài hơn " + MAX_OCR_PAGES
                + " trang; xin tách tệp hoặc gửi bản có lớp chữ.");
          }
          if (renderer == null) {
            renderer = new PDFRenderer(document);
          }
          BufferedImage image = renderer.renderImage(page - 1, scale(document.getPage(page - 1)), ImageType.GRAY);
          text = ocr(png(image), ".png", tesseract);
        }
        out.append(text.strip()).append("\n\n");
      }
      return out.toString();
    } catch (InvalidPasswordException e) {
      throw new LetterFileException(400, "Tệp PDF " + quoted(fileName)
          + "được bảo vệ bằng mật khẩu; xin gửi bản không đặt mật khẩu.", e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof LetterFileException l) {
        throw l;
      }
      throw new LetterFileException(400, "Tệp PDF " + quoted(fileName) + "bị hỏng hoặc không đọc được.", e);
    }
  }

  /**
   * PDFBox's text with a wide gap on a line (a table's next cell, a second column) written as more
   * than one space, as {@link DirectiveImport} tells a table's cells apart; elsewhere the import reads
   * any run of spaces as one.
   */
  private static final class ColumnStripper extends PDFTextStripper {

    /** A gap wider than half the font's size is no space between two words. */
    private static final float COLUMN_GAP = 0.5f;

    private float lineEnd = -1;

    @Override
    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
      if (!positions.isEmpty()) {
        org.apache.pdfbox.text.TextPosition first = positions.get(0);
        if (lineEnd >= 0 && first.getXDirAdj() - lineEnd > COLUMN_GAP * Math.max(first.getFontSizeInPt(), 1)) {
          output.write("  ");
        }
        org.apache.pdfbox.text.TextPosition last = positions.get(positions.size() - 1);
        lineEnd = last.getXDirAdj() + last.getWidthDirAdj();
      }
      super.writeString(text, positions);
    }

    @Override
    protected void writeLineSeparator() throws IOException {
      lineEnd = -1;
      super.writeLineSeparator();
    }
  }

  /** 300 dpi, less for a page so large that its image would pass {@link #MAX_OCR_PIXELS}. */
  private static float scale(org.apache.pdfbox.pdmodel.PDPage page) {
    org.apache.pdfbox.pdmodel.common.PDRectangle box = page.getCropBox();
    float scale = OCR_DPI / 72f;
    double pixels = (double) box.getWidth() * box.getHeight() * scale * scale;
    return pixels <= MAX_OCR_PIXELS ? scale : (float) (scale * Math.sqrt(MAX_OCR_PIXELS / pixels));
  }

  private static int letters(String text) {
    return (int) text.codePoints().filter(Character::isLetter).count();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  // --- DOCX --------------------------------------------------------------------------------

  /**
   * Paragraphs one a line and tables a row a line, cells apart by " | " (a cell's own lines joined), a
   * blank line around each table: the lines {@link DirectiveImport}'s assignment table reads.
   */
  private static String docx(String fileName, byte[] bytes) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      StringBuilder out = new StringBuilder();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          out.append(p.getText()).append('\n');
        } else if (element instanceof XWPFTable t) {
          out.append('\n');
          table(t, out);
          out.append('\n');
        }
      }
      return out.toString();
    } catch (IOException | RuntimeException e) {
      throw new LetterFileException(400, "Tệp " + quoted(fileName)
          + "không phải văn bản Word (.docx) đọc được; có thể là một tệp nén khác hoặc tệp bị hỏng.", e);
    }
  }

  private static void table(XWPFTable table, StringBuilder out) {
    for (XWPFTableRow row : table.getRows()) {
      StringBuilder line = new StringBuilder();
      for (XWPFTableCell cell : row.getTableCells()) {
        StringBuilder text = new StringBuilder();
        for (IBodyElement e : cell.getBodyElements()) {
          if (e instanceof XWPFParagraph p) {
            text.append(' ').append(p.getText());
          } else if (e instanceof XWPFTable nested) {
            nested.getRows().forEach(r -> r.getTableCells().forEach(c -> text.append(' ').append(c.getText())));
          }
        }
        line.append(line.isEmpty() ? "" : " | ").append(text.toString().replace('|', '/').replaceAll("\\s+", " ").strip());
      }
      out.append(line.toString().strip()).append('\n');
    }
  }

  // --- images and OCR ----------------------------------------------------------------------

  private static String image(String fileName, byte[] bytes, String tesseract) {
    String suffix = bytes[0] == (byte) 0x89 ? ".png" : bytes[0] == (byte) 0xFF ? ".jpg" : ".tif";
    return ocr(bytes, suffix, tesseract);
  }

  /** {@code tesseract <image> stdout -l vie}, one thread, with a timeout. */
  private static String ocr(byte[] image, String suffix, String tesseract) {
    Path file = null;
    Path output = null;
    try {
      file = Files.createTempFile("cascade-letter-", suffix);
      output = Files.createTempFile("cascade-ocr-", ".txt");
      Files.write(file, image);
      ProcessBuilder builder = new ProcessBuilder(List.of(tesseract, file.toString(), "stdout", "-l", "vie"))
          .redirectOutput(output.toFile()).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("OMP_THREAD_LIMIT", "1");
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new LetterFileException(503, "Máy chủ chưa cài chương trình nhận dạng chữ (Tesseract OCR với tiếng Việt) "
            + "nên chưa đọc được bản chụp; xin gửi bản PDF có lớp chữ, DOCX hoặc dán nội dung văn bản.", e);
      }
      if (!process.waitFor(OCR_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new LetterFileException(400, "Nhận dạng chữ của bản chụp quá lâu; xin gửi bản PDF có lớp chữ, "
            + "DOCX hoặc dán nội dung văn bản.");
      }
      if (process.exitValue() != 0) {
        throw new LetterFileException(503, "Chương trình nhận dạng chữ (Tesseract OCR) trên máy chủ không chạy được "
            + "với tiếng Việt (thiếu dữ liệu 'vie'?); xin gửi bản PDF có lớp chữ, DOCX hoặc dán nội dung văn bản.");
      }
      return new String(Files.readAllBytes(output), StandardCharsets.UTF_8).replace("\f", "\n");
    } catch (IOException e) {
      throw new LetterFileException(400, "Không đọc được ảnh trong tệp để nhận dạng chữ.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LetterFileException(503, "Việc nhận dạng chữ bị dừng; xin thử lại.", e);
    } finally {
      delete(file);
      delete(output);
    }
  }

  private static void delete(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a temporary file; the system's cleaner takes it
      }
    }
  }

  /** The OCR program: {@code tesseract} on the PATH, or the system property {@code cascade.ocr.tesseract}. */
  private static String tesseract() {
    return System.getProperty("cascade.ocr.tesseract", "tesseract");
  }

  // --- text --------------------------------------------------------------------------------

  private static String plain(String fileName, String contentType, byte[] bytes) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean claimsOther = name.matches(".*\\.(pdf|docx|png|jpe?g|tiff?)$") || type.startsWith("image/")
        || type.contains("pdf") || type.contains("officedocument");
    if (claimsOther) {
      throw new LetterFileException(400, "Tệp " + quoted(fileName) + "không đúng định dạng như tên hoặc loại của nó.");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new LetterFileException(400, "Tệp " + quoted(fileName) + "không phải văn bản dạng chữ mã UTF-8. " + TYPES, e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (Texts.hasControlCharacters(text.replace("\f", "\n"))) {
      throw new LetterFileException(400, "Tệp " + quoted(fileName) + "không phải văn bản dạng chữ. " + TYPES);
    }
    return text.replace("\f", "\n");
  }

  /** The file's name in quotes and a space, or nothing. */
  private static String quoted(String fileName) {
    return fileName == null || fileName.isBlank() ? "" : "“" + fileName.strip() + "” ";
  }
}
