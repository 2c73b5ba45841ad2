package vn.cascade.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.conclusion.ConclusionDraft;
import vn.cascade.demo.DemoCase;
import vn.cascade.directive.DirectiveDraft;

/**
 * The seed, the text of a scanned letter with its attachment, imports to the demo's hand-made
 * structure of the same letters (src/main/resources/demo/ket-luan-1098-cong-van-8888.yaml).
 */
public class SeedImportTest {

  static final AgencyDirectory DIRECTORY = new AgencyDirectory(new ClassPathResource("agencies/dong-nai.yaml"));

  public static String seed() throws IOException {
    try (InputStream in = new ClassPathResource("intake/cong-van-8888-UBND-THNC-va-ket-luan-1098-KL-TU.txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static DemoCase demo() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = new ClassPathResource("demo/ket-luan-1098-cong-van-8888.yaml").getInputStream()) {
      return yaml.readValue(in, DemoCase.class);
    }
  }

  @Test
  void congVan8888ImportsToTheDemoDirective() throws IOException {
    ImportedDirective imported = DirectiveImport.read(seed(), DIRECTORY);
    DirectiveDraft draft = imported.draft();
    DirectiveDraft expected = demo().directive();

    assertThat(imported.problems()).isEmpty();
    assertThat(draft.number()).isEqualTo("8888/UBND-THNC");
    assertThat(draft.issuedOn()).isEqualTo(LocalDate.of(2020, 7, 30));
    assertThat(draft.place()).isEqualTo(expected.place());
    assertThat(draft.issuer()).isEqualTo(expected.issuer());
    assertThat(draft.issuerAgency()).isEqualTo(expected.issuerAgency());
    assertThat(draft.signer()).isEqualTo("Cao Tiến Dũng");
    assertThat(draft.signerTitle()).isEqualTo(expected.signerTitle());
    assertThat(draft.title()).isEqualTo(expected.title());
    assertThat(draft.addressees()).isEqualTo(expected.addressees());
    assertThat(draft.preamble()).isEqualTo(expected.preamble());
    assertThat(draft.reportDeadline()).isEqualTo(LocalDate.of(2020, 8, 15));
    assertThat(draft.reportTo()).isEqualTo(expected.reportTo());
    assertThat(draft.reportInstruction()).isEqualTo(expected.reportInstruction());
    assertThat(draft.summaryDeadline()).isEqualTo(LocalDate.of(2020, 8, 20));
    assertThat(draft.collectingAgency()).isEqualTo("so-khdt");
    assertThat(draft.summaryInstruction()).isEqualTo(expected.summaryInstruction());
    assertThat(draft.monitoringAgency()).isEqualTo("vp-ubnd");
    assertThat(draft.monitoringInstruction()).isEqualTo(expected.monitoringInstruction());
    assertThat(draft.recipients()).isEqualTo(expected.recipients());
    // The demo leaves the Conclusion to its loader, which attaches the draft to it.
    assertThat(draft.conclusionNumber()).isEqualTo("1098-KL/TU");
    assertThat(imported.implementsConclusion())
        .isEqualTo(new ImportedDirective.ConclusionReference("1098-KL/TU", LocalDate.of(2020, 7, 16)));

    assertThat(draft.items()).hasSize(14);
    for (int i = 0; i < expected.items().size(); i++) {
      DirectiveDraft.Item want = expected.items().get(i);
      DirectiveDraft.Item got = draft.items().get(i);
      assertThat(got.number()).as("item %d", i + 1).isEqualTo(want.number());
      assertThat(got.heading()).as("heading of item %d", i + 1).isEqualTo(want.heading());
      assertThat(got.agencies()).as("lead agencies of item %d", i + 1).isEqualTo(want.agencies());
      assertThat(got.bullets()).as("bullets of item %d", i + 1).isEqualTo(want.bullets());
    }
    assertThat(imported.itemNumbers()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
        "13", "14");
    assertThat(imported.deadlines()).isEmpty();
  }

  @Test
  void everyProposedFieldShowsTheWordsItCameFrom() throws IOException {
    ImportedDirective imported = DirectiveImport.read(seed(), DIRECTORY);

    assertThat(imported.sources()).containsEntry("number", "Số: 8888 /UBND-THNC")
        .containsEntry("issuedOn", "Đồng Nai, ngày 30 tháng 7 năm 2020")
        .containsEntry("reportDeadline", "trước ngày 15/8/2020")
        .containsEntry("summaryDeadline", "trước ngày 20/08/2020")
        .containsEntry("items[1].agencies[0]", "Sở Kế hoạch và Đầu tư")
        .containsEntry("items[5].bullets[1].coordinating[4]",
            "UBND các huyện Long Thành, Thống Nhất, Cẩm Mỹ, Xuân Lộc và thành phố Long Khánh")
        .containsEntry("items[0].agencies[1]", "UBND các huyện, thành phố")
        .containsEntry("items[11].agencies[0]", "Cục thuế tỉnh");
  }

  @Test
  void ketLuan1098ImportsToTheDemoConclusion() throws IOException {
    ImportedConclusion imported = ConclusionImport.read(seed(), DIRECTORY);
    ConclusionDraft draft = imported.draft();
    ConclusionDraft expected = demo().conclusion();

    assertThat(imported.problems()).isEmpty();
    assertThat(draft.number()).isEqualTo("1098-KL/TU");
    assertThat(draft.issuedOn()).isEqualTo(LocalDate.of(2020, 7, 16));
    assertThat(draft.place()).isEqualTo("Đồng Nai");
    assertThat(draft.issuer()).isEqualTo(expected.issuer());
    assertThat(draft.issuerAgency()).isEqualTo("tinh-uy");
    assertThat(draft.signer()).isEqualTo("Hồ Thanh Sơn");
    assertThat(draft.signerTitle()).isEqualTo(expected.signerTitle());
    assertThat(draft.title()).isEqualTo(expected.title());
    assertThat(draft.reportBackDeadline()).isEqualTo(LocalDate.of(2020, 12, 15));
    assertThat(draft.reportBackTo()).isEqualTo(expected.reportBackTo());
    assertThat(draft.recipients()).isEqualTo(expected.recipients());
    assertThat(draft.items()).extracting(ConclusionDraft.Item::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    for (int i = 0; i < expected.items().size(); i++) {
      assertThat(draft.items().get(i).text()).as("item %d", i + 1).isEqualTo(expected.items().get(i).text());
    }
    assertThat(draft).isEqualTo(expected);
  }
}
