package vn.cascade.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.cascade.agency.AgencyDirectory;

/** The demo case is Đồng Nai's of 2020: it fits the 2020 directory, and is left out on the 2025 one. */
class DemoCaseDirectoryTest {

  final DemoCase demo = new DemoCaseLoader(new ClassPathResource("demo/ket-luan-1098-cong-van-8888.yaml"),
      null, null, null, null).read();

  @Test
  void everyAgencyOfTheDemoCaseIsInThe2020Directory() {
    AgencyDirectory directory = new AgencyDirectory(new ClassPathResource("agencies/dong-nai.yaml"));
    assertThat(DemoRunner.unknownAgencies(demo, directory)).isEmpty();
  }

  @Test
  void onThe2025DirectoryTheCaseNamesWhatIsMissing() {
    AgencyDirectory directory = new AgencyDirectory(new ClassPathResource("agencies/dong-nai-2025.yaml"));
    assertThat(DemoRunner.unknownAgencies(demo, directory))
        .startsWith("so-khdt", "all:district")
        .contains("ubnd-bien-hoa", "so-nnptnt", "cuc-thue")
        .doesNotContain("vp-ubnd", "all:department", "so-yt", "ban-qlda");
  }
}
