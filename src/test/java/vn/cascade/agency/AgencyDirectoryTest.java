package vn.cascade.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The two directories that ship, read as the application reads them, without a Spring context. */
class AgencyDirectoryTest {

  static final String DIRECTORY_2020 = "agencies/dong-nai.yaml";
  static final String DIRECTORY_2025 = "agencies/dong-nai-2025.yaml";

  static AgencyDirectory load(String path) {
    return new AgencyDirectory(new ClassPathResource(path));
  }

  @Test
  void directoryOf2025HasNinetyFiveCommuneLevelUnits72Xa23PhuongAndNoDistrict() {
    AgencyDirectory d = load(DIRECTORY_2025);
    List<Agency> communes = d.ofKind(AgencyKind.COMMUNE);
    assertThat(communes).hasSize(95);
    assertThat(communes).filteredOn(a -> a.name().startsWith("Ủy ban nhân dân xã ")).hasSize(72);
    assertThat(communes).filteredOn(a -> a.name().startsWith("Ủy ban nhân dân phường ")).hasSize(23);
    assertThat(d.ofKind(AgencyKind.DISTRICT)).isEmpty();
    assertThat(d.province()).isEqualTo("Đồng Nai");
    assertThat(d.find("ubnd-phuong-tran-bien")).get()
        .satisfies(a -> assertThat(a.statisticsCode()).isEqualTo("26041"))
        .satisfies(a -> assertThat(a.shortName()).isEqualTo("UBND phường Trấn Biên"));
    assertThat(d.find("ubnd-xa-bu-gia-map").map(Agency::statisticsCode)).contains("25222");
  }

  @Test
  void everyCodeOfBothDirectoriesIsUniqueAndValidAndItsMailIsCodeAtDongnaiExample() throws IOException {
    for (String path : List.of(DIRECTORY_2020, DIRECTORY_2025)) {
      AgencyDirectory d = load(path);
      JsonNode raw = rawEntries(path);
      assertThat(d.all()).as(path + ": one agency per entry, none dropped as a duplicate").hasSize(raw.size());
      Set<String> codes = new HashSet<>();
      for (JsonNode entry : raw) {
        assertThat(codes.add(entry.get("code").asText())).as(path + " " + entry.get("code")).isTrue();
      }
      for (Agency a : d.all()) {
        assertThat(a.code()).matches(AgencyDirectory.CODE);
        assertThat(a.email()).isEqualTo(a.code() + "@dongnai.example");
        assertThat(a.name()).isNotBlank();
      }
    }
  }

  @Test
  void everyCommuneKeepsItsOwnFiveDigitStatisticsCode() {
    List<Agency> communes = load(DIRECTORY_2025).ofKind(AgencyKind.COMMUNE);
    assertThat(communes).extracting(Agency::statisticsCode).allMatch(c -> c != null && c.matches("[0-9]{5}"))
        .doesNotHaveDuplicates();
    assertThat(communes).extracting(Agency::code).allMatch(c -> c.startsWith("ubnd-xa-") || c.startsWith("ubnd-phuong-"));
  }

  @Test
  void departmentsOf2025AreTheMergedOnes() {
    AgencyDirectory d = load(DIRECTORY_2025);
    assertThat(d.ofKind(AgencyKind.DEPARTMENT)).extracting(Agency::code)
        .contains("so-tc", "so-nv", "so-nnmt", "so-xd", "so-khcn", "so-dttg", "ca-tinh")
        .doesNotContain("so-khdt", "so-gtvt", "so-tnmt", "so-nnptnt", "so-tttt", "so-ldtbxh", "ban-dan-toc");
    assertThat(d.exists("vp-ubnd")).isTrue();
    assertThat(d.exists("lanh-dao-ubnd")).isTrue();
    assertThat(d.get("so-nnmt").name()).isEqualTo("Sở Nông nghiệp và Môi trường");
  }

  @Test
  void onThe2025DirectoryTheCommunesAreAGroupAndTheDistrictsAreNot() {
    AgencyDirectory d = load(DIRECTORY_2025);
    List<Agency> communes = d.ofKind(AgencyKind.COMMUNE);
    for (String selector : List.of("all:commune", "UBND các xã, phường", "Ủy ban nhân dân các xã, phường",
        "UBND các phường, xã", "Chủ tịch UBND các xã, phường", "UBND các xã, phường, đặc khu")) {
      assertThat(d.expand(selector)).as(selector).contains(communes);
    }
    assertThat(d.expand("các sở, ngành")).contains(d.ofKind(AgencyKind.DEPARTMENT));
    for (String selector : List.of("all:district", "UBND các huyện, thành phố")) {
      assertThat(d.expand(selector)).as(selector).isEmpty();
      assertThat(d.isValidSelector(selector)).isFalse();
      assertThat(d.unknownSelectorMessage(selector))
          .isEqualTo("Danh mục cơ quan của tỉnh Đồng Nai không có UBND các huyện, thành phố (all:district): từ ngày "
              + "01/7/2025 không còn cấp huyện, xin giao cho UBND các xã, phường (all:commune).");
    }
  }

  @Test
  void onThe2020DirectoryTheDistrictsAreAGroupAsBeforeAndTheCommunesAreNot() {
    AgencyDirectory d = load(DIRECTORY_2020);
    assertThat(d.ofKind(AgencyKind.DISTRICT)).hasSize(11);
    assertThat(d.expand("all:district")).contains(d.ofKind(AgencyKind.DISTRICT));
    assertThat(d.expand("UBND các huyện, thành phố")).contains(d.ofKind(AgencyKind.DISTRICT));
    assertThat(d.expand("all:department").orElseThrow()).hasSize(24).extracting(Agency::code).contains("so-khdt");
    assertThat(d.isValidSelector("all:commune")).isFalse();
    assertThat(d.unknownSelectorMessage("UBND các xã, phường"))
        .isEqualTo("Danh mục cơ quan của tỉnh Đồng Nai không có UBND các xã, phường (all:commune).");
    assertThat(d.unknownSelectorMessage("so-khong-co")).isEqualTo("Mã cơ quan không có trong danh mục: so-khong-co.");
    assertThat(d.isValidSelector("all:nothing")).isFalse();
  }

  @Test
  void aDirectoryWithABadStatisticsCodeOrOneTwiceIsRefusedAtStart() {
    String twice = """
        province: "Thử"
        agencies:
          - {code: ubnd-xa-a, name: "Ủy ban nhân dân xã A", kind: commune, statisticsCode: "26000", email: a@x.example}
          - {code: ubnd-xa-b, name: "Ủy ban nhân dân xã B", kind: commune, statisticsCode: "26000", email: b@x.example}
        """;
    assertThatThrownBy(() -> new AgencyDirectory(yaml(twice))).hasMessageContaining("26000 appears twice");
    String bad = """
        province: "Thử"
        agencies:
          - {code: ubnd-xa-a, name: "Ủy ban nhân dân xã A", kind: commune, statisticsCode: "26 000", email: a@x.example}
        """;
    assertThatThrownBy(() -> new AgencyDirectory(yaml(bad))).hasMessageContaining("not five digits");
  }

  private static ByteArrayResource yaml(String text) {
    return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test directory");
  }

  private static JsonNode rawEntries(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new ObjectMapper(new YAMLFactory()).readTree(in).get("agencies");
    }
  }
}
