package vn.cascade.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.LibreOffice;
import vn.cascade.TestDocuments;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;

/**
 * The summary draft as its readers get it: LibreOffice (a real client) opens the DOCX and turns it
 * into PDF, whose text has the title, the number, the status table and the signature block; and the
 * DOCX itself follows the layout of Nghị định 30/2020/NĐ-CP (Times New Roman, the sizes of Phụ lục I,
 * the header table, the recipients block), not only its words. The XLSX exports are read back with
 * their cell types in {@link DashboardTest}.
 */
class ExportsInLibreOfficeTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ObjectMapper json;

  @Test
  void libreOfficeTurnsTheSummaryDraftIntoAPdfWithItsTitleNumberStatusTableAndSignature() throws Exception {
    LibreOffice.requireInstalled();
    Directive d = directiveWithTwoReportsOfThree();
    byte[] docx = download("/dashboard/directives/" + d.id() + "/summary.docx");

    byte[] pdf = LibreOffice.toPdf(Map.of("summary.docx", docx)).get("summary.docx");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isPositive();
      String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
          .replaceAll("[ \\t\\u00a0]+", " ");
      assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "/BC-SKHĐT", "BÁO CÁO");
      assertThat(oneLine(text)).contains("Tổng hợp kết quả thực hiện Công văn số " + d.number());
      // The status table: its headers, then a row per assignment with its status.
      assertThat(oneLine(text)).containsSubsequence("STT", "Cơ quan, đơn vị", "Nhiệm vụ", "Ngày báo cáo",
          "Sở Y tế", "đã báo cáo đúng hạn", "Công an tỉnh", "UBND TP Long Khánh", "chưa báo cáo");
      // The signature block and the recipients, after the body.
      assertThat(oneLine(text)).containsSubsequence("III. CÁC CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO", "Nơi nhận:",
          "- Thường trực UBND tỉnh (báo cáo);", "GIÁM ĐỐC", "(Ký, ghi rõ họ tên, đóng dấu)");
      assertThat(oneLine(text)).contains("Đã tiêm 12.000 liều.", "Bảo đảm an ninh.");
    }
  }

  @Test
  void theSummaryDraftIsLaidOutAsNghiDinh30Requires() throws IOException {
    Directive d = directiveWithTwoReportsOfThree();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
        download("/dashboard/directives/" + d.id() + "/summary.docx")))) {
      // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (in twips).
      assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW()).hasToString("11906");
      CTPageMar m = doc.getDocument().getBody().getSectPr().getPgMar();
      assertThat(List.of(m.getTop(), m.getBottom(), m.getLeft(), m.getRight()).stream().map(Object::toString))
          .containsExactly("1134", "1134", "1701", "850");

      // Times New Roman everywhere.
      List<XWPFRun> all = runs(doc.getBodyElements());
      assertThat(all).isNotEmpty().allSatisfy(r -> assertThat(r.getFontFamily()).as(r.text()).isEqualTo("Times New Roman"));

      // The header table: issuer and number on the left, quốc hiệu and tiêu ngữ, place and date on the right.
      assertThat(doc.getBodyElements().get(0)).isInstanceOf(XWPFTable.class);
      XWPFTable header = doc.getTables().get(0);
      assertThat(header.getRows()).hasSize(1);
      assertThat(header.getRow(0).getTableCells()).hasSize(2);
      XWPFTableCell issuer = header.getRow(0).getCell(0);
      XWPFTableCell nation = header.getRow(0).getCell(1);
      assertThat(run(issuer, "UBND TỈNH ĐỒNG NAI")).satisfies(r -> assertSize(r, 12, 13));
      assertThat(run(issuer, "SỞ KẾ HOẠCH VÀ ĐẦU TƯ")).satisfies(r -> {
        assertSize(r, 12, 13);
        assertThat(r.isBold()).isTrue();
      });
      assertThat(run(issuer, "Số:")).satisfies(r -> assertSize(r, 13, 13));
      assertThat(run(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).satisfies(r -> {
        assertSize(r, 12, 13);
        assertThat(r.isBold()).isTrue();
      });
      assertThat(run(nation, "Độc lập - Tự do - Hạnh phúc")).satisfies(r -> {
        assertSize(r, 13, 14);
        assertThat(r.isBold()).isTrue();
      });
      assertThat(run(nation, "Đồng Nai, ngày")).satisfies(r -> {
        assertSize(r, 13, 14);
        assertThat(r.isItalic()).isTrue();
      });

      // The kind of document, its summary and the body: 13-14 (the decorative rules aside).
      List<XWPFParagraph> body = doc.getParagraphs();
      assertThat(body).isNotEmpty();
      for (XWPFParagraph p : body) {
        for (XWPFRun r : p.getRuns()) {
          if (!r.text().isBlank() && !r.text().matches("_+")) {
            assertSize(r, 13, 14);
          }
        }
      }
      XWPFParagraph kind = body.stream().filter(p -> p.getText().equals("BÁO CÁO")).findFirst().orElseThrow();
      assertThat(kind.getRuns().get(0).isBold()).isTrue();

      // The recipients block (Nơi nhận, 12 bold italic; each recipient 11) beside the signature (13-14, bold).
      XWPFTable footer = doc.getTables().get(doc.getTables().size() - 1);
      assertThat(footer.getRow(0).getTableCells()).hasSize(2);
      XWPFTableCell recipients = footer.getRow(0).getCell(0);
      assertThat(run(recipients, "Nơi nhận:")).satisfies(r -> {
        assertSize(r, 12, 12);
        assertThat(r.isBold()).isTrue();
        assertThat(r.isItalic()).isTrue();
      });
      assertThat(recipients.getParagraphs()).extracting(XWPFParagraph::getText)
          .containsExactly("Nơi nhận:", "- Như trên (thực hiện);", "- Thường trực UBND tỉnh (báo cáo);", "- Lưu: VT, THNC.");
      recipients.getParagraphs().stream().skip(1).flatMap(p -> p.getRuns().stream()).forEach(r -> assertSize(r, 11, 11));
      assertThat(run(footer.getRow(0).getCell(1), "GIÁM ĐỐC")).satisfies(r -> {
        assertSize(r, 13, 14);
        assertThat(r.isBold()).isTrue();
      });
    }
  }

  // ---------------------------------------------------------------- the fixture

  /** Three items collected by Sở KH&ĐT: Sở Y tế and Công an tỉnh report, UBND TP Long Khánh does not. */
  private Directive directiveWithTwoReportsOfThree() {
    LocalDate day0 = LocalDate.now(clock);
    DirectiveDraft base = TestDocuments.directive(day0, "so-yt", "ca-tinh", "ubnd-long-khanh");
    @SuppressWarnings("unchecked")
    Map<String, Object> draft = json.convertValue(base, Map.class);
    draft.put("title", "V/v thử nghiệm văn bản tổng hợp");
    draft.put("collectingAgency", "so-khdt");
    draft.put("recipients", List.of(Map.of("name", "Như trên", "purpose", "thực hiện"),
        Map.of("name", "Thường trực UBND tỉnh", "purpose", "báo cáo", "agency", "lanh-dao-ubnd"),
        Map.of("name", "Lưu: VT, THNC", "purpose", "lưu")));
    Directive d = directives.issue(json.convertValue(draft, DirectiveDraft.class));
    for (Assignment a : assignments.ofDirective(d.id())) {
      if (a.agencyCode().equals("so-yt")) {
        reportAndAccept("so-yt", a.processInstanceId(), TestDocuments.report("Đã tiêm 12.000 liều.", "Đã tiêm chủng."));
      } else if (a.agencyCode().equals("ca-tinh")) {
        reportAndAccept("ca-tinh", a.processInstanceId(), TestDocuments.report("Bảo đảm an ninh.", "Đã tuần tra."));
      }
    }
    return directives.get(d.id());
  }

  private byte[] download(String path) {
    ResponseEntity<byte[]> r = http.withBasicAuth("so-khdt", "demo").getForEntity(path, byte[].class);
    assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  // ---------------------------------------------------------------- reading

  /** The PDF's text with its line breaks as spaces: LibreOffice wraps long lines where it likes. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static List<XWPFRun> runs(List<IBodyElement> elements) {
    List<XWPFRun> runs = new ArrayList<>();
    for (IBodyElement e : elements) {
      if (e instanceof XWPFParagraph p) {
        runs.addAll(p.getRuns());
      } else if (e instanceof XWPFTable t) {
        t.getRows().forEach(row -> row.getTableCells().forEach(c -> runs.addAll(runs(c.getBodyElements()))));
      }
    }
    return runs.stream().filter(r -> !r.text().isBlank()).toList();
  }

  private static XWPFRun run(XWPFTableCell cell, String startsWith) {
    return cell.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).filter(r -> r.text().startsWith(startsWith))
        .findFirst().orElseThrow(() -> new AssertionError("no run starting with " + startsWith + " in " + cell.getText()));
  }

  private static void assertSize(XWPFRun r, int min, int max) {
    Double size = r.getFontSizeAsDouble();
    assertThat(size).as("size of '" + r.text() + "'").isNotNull().isBetween((double) min, (double) max);
  }
}
