package vn.cascade.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.cascade.directive.DirectiveDraft;

/**
 * A letter's file read to text: the same letter as a PDF, a DOCX or a scan imports as its text does.
 * The files are made here (PDFBox, POI, a page rendered to an image); OCR needs Debian's tesseract
 * with its Vietnamese data and is skipped without it, unless CI=true.
 */
class LetterFilesTest {

  @Test
  void theSeedAsAPdfImportsExactlyAsItsText() throws IOException {
    String seed = SeedImportTest.seed();
    byte[] pdf = LetterDocuments.pdf(seed);

    String text = LetterFiles.text("8888-UBND-THNC.pdf", "application/pdf", pdf);

    assertSameDirective(DirectiveImport.read(text, SeedImportTest.DIRECTORY),
        DirectiveImport.read(seed, SeedImportTest.DIRECTORY));
    assertThat(ConclusionImport.read(text, SeedImportTest.DIRECTORY).draft())
        .isEqualTo(ConclusionImport.read(seed, SeedImportTest.DIRECTORY).draft());
  }

  @Test
  void anAssignmentTableInAPdfIsReadFromWhereItsCellsLie() {
    String table = LetterFiles.text("1342-KH-UBND.pdf", "application/pdf", LetterDocuments.pdf(LetterImportTest.TABLE));

    ImportedDirective fromPdf = DirectiveImport.read(table, SeedImportTest.DIRECTORY);
    assertSameDirective(fromPdf, DirectiveImport.read(LetterImportTest.TABLE, SeedImportTest.DIRECTORY));
    assertThat(fromPdf.draft().items()).hasSize(3);
    assertThat(fromPdf.deadlines()).hasSize(3);
  }

  @Test
  void theSeedAndAnAssignmentTableAsDocxImportExactlyAsTheirText() throws IOException {
    String seed = SeedImportTest.seed();
    String text = LetterFiles.text("8888-UBND-THNC.docx", null, LetterDocuments.docx(seed));
    assertSameDirective(DirectiveImport.read(text, SeedImportTest.DIRECTORY),
        DirectiveImport.read(seed, SeedImportTest.DIRECTORY));

    // The Kế hoạch's appendix is a real Word table: one row per assignment, its deadline in its cell.
    String table = LetterFiles.text("1342-KH-UBND.docx", null, LetterDocuments.docx(LetterImportTest.TABLE));
    assertThat(table).contains("\n2 | Số hóa hồ sơ thủ tục hành chính tại bộ phận một cửa các cấp | Sở Nội vụ | UBND các huyện, thành phố | Tháng 10/2022\n");
    ImportedDirective fromDocx = DirectiveImport.read(table, SeedImportTest.DIRECTORY);
    assertSameDirective(fromDocx, DirectiveImport.read(LetterImportTest.TABLE, SeedImportTest.DIRECTORY));
    assertThat(fromDocx.draft().items()).hasSize(3);
    assertThat(fromDocx.deadlines()).hasSize(3);
  }

  @Test
  void aScannedLetterIsReadByOcrToTheSameAgenciesAndDeadlines() throws IOException {
    requireTesseract();
    String letter = LetterImportTest.WORDS_AND_NAMED_LIST;
    ImportedDirective expected = DirectiveImport.read(letter, SeedImportTest.DIRECTORY);
    BufferedImage page;
    try (PDDocument typed = Loader.loadPDF(LetterDocuments.pdf(letter))) {
      assertThat(typed.getNumberOfPages()).isEqualTo(1);
      page = new PDFRenderer(typed).renderImageWithDPI(0, 200, ImageType.GRAY);
    }

    // The page photographed: an image file.
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(page, "png", png);
    assertSameAgenciesAndDeadlines(DirectiveImport.read(LetterFiles.text("scan.png", "image/png", png.toByteArray()),
        SeedImportTest.DIRECTORY), expected);

    // The page scanned into a PDF without a text layer.
    assertSameAgenciesAndDeadlines(DirectiveImport.read(LetterFiles.text("scan.pdf", "application/pdf", scannedPdf(page)),
        SeedImportTest.DIRECTORY), expected);
  }

  @Test
  void withoutTesseractAScanGetsAClearMessage() throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY), "png", png);

    LetterFileException e = catchThrowableOfType(LetterFileException.class,
        () -> LetterFiles.text("scan.png", "image/png", png.toByteArray(), "/nonexistent/tesseract"));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).contains("chưa cài chương trình nhận dạng chữ", "PDF có lớp chữ");
  }

  private static void assertSameDirective(ImportedDirective actual, ImportedDirective expected) {
    assertThat(actual.draft()).isEqualTo(expected.draft());
    assertThat(actual.implementsConclusion()).isEqualTo(expected.implementsConclusion());
    assertThat(actual.itemNumbers()).isEqualTo(expected.itemNumbers());
    assertThat(actual.deadlines()).isEqualTo(expected.deadlines());
    assertThat(actual.problems()).isEqualTo(expected.problems());
  }

  private static void assertSameAgenciesAndDeadlines(ImportedDirective actual, ImportedDirective expected) {
    DirectiveDraft a = actual.draft();
    DirectiveDraft e = expected.draft();
    assertThat(a.number()).isEqualTo(e.number());
    assertThat(a.issuedOn()).isEqualTo(e.issuedOn());
    assertThat(a.items()).extracting(DirectiveDraft.Item::agencies)
        .isEqualTo(e.items().stream().map(DirectiveDraft.Item::agencies).toList());
    assertThat(a.items()).extracting(i -> i.bullets().stream().map(DirectiveDraft.Bullet::coordinating).toList())
        .isEqualTo(e.items().stream().map(i -> i.bullets().stream().map(DirectiveDraft.Bullet::coordinating).toList())
            .toList());
    assertThat(actual.deadlines()).isEqualTo(expected.deadlines()).isNotEmpty();
    assertThat(a.reportDeadline()).isEqualTo(e.reportDeadline());
    assertThat(a.summaryDeadline()).isEqualTo(e.summaryDeadline());
    assertThat(a.collectingAgency()).isEqualTo(e.collectingAgency());
  }

  private static byte[] scannedPdf(BufferedImage page) throws IOException {
    try (PDDocument scan = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage p = new PDPage(PDRectangle.A4);
      scan.addPage(p);
      try (PDPageContentStream content = new PDPageContentStream(scan, p)) {
        content.drawImage(LosslessFactory.createFromImage(scan, page), 0, 0, PDRectangle.A4.getWidth(),
            PDRectangle.A4.getHeight());
      }
      scan.save(out);
      return out.toByteArray();
    }
  }

  /** Tesseract with Vietnamese, or the test is skipped (failed on CI). */
  static void requireTesseract() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean vie = false;
    try {
      Process p = new ProcessBuilder(List.of("tesseract", "--list-langs")).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      vie = p.waitFor(30, TimeUnit.SECONDS) && out.lines().anyMatch(l -> l.strip().equals("vie"));
    } catch (IOException e) {
      vie = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!vie && ci) {
      throw new IllegalStateException("CI=true but tesseract with 'vie' is missing (apt-get install tesseract-ocr "
          + "tesseract-ocr-vie).");
    }
    Assumptions.assumeTrue(vie, "Skipped: tesseract with Vietnamese data ('vie') is not installed.");
  }
}
