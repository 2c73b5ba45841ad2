package vn.cascade.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.demo.DemoCaseLoader;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;

class DemoCascadeH2Test extends CascadeIntegrationTest {

  @Autowired DemoCaseLoader loader;
  @Autowired ConclusionService conclusions;
  @Autowired DirectiveRepository directives;
  @Autowired AssignmentRepository assignments;
  @Autowired TestRestTemplate http;

  @Test
  void theWholeDemoCascadeRunsOnH2AndNothingIsLost() {
    new DemoCascadeScenario(processEngine, loader, conclusions, directives, assignments, clock)
        .run(this::theCollectorsWorkspaceShowsEveryReportInFullAndTheMissingAgency);
  }

  /** Sở KH&ĐT's workspace of Công văn 8888 when the collection opens: 47 reports in full, one agency missing. */
  private void theCollectorsWorkspaceShowsEveryReportInFullAndTheMissingAgency(Directive d) {
    String html = http.withBasicAuth("so-khdt", "demo")
        .getForObject("/dashboard/directives/" + d.id() + "/workspace", String.class);
    Document page = Jsoup.parse(html);
    List<Assignment> all = assignments.ofDirective(d.id());
    assertThat(page.select("article.ws-report")).hasSize(47);
    for (Assignment a : all) {
      Element article = page.selectFirst("article.ws-report[data-assignment=" + a.id() + "]");
      if (a.agencyCode().equals(DemoCascadeScenario.LATE_AGENCY) && a.itemNumber() == DemoCascadeScenario.LATE_ITEM) {
        assertThat(article).as("the missing report").isNull();
        continue;
      }
      assertThat(article).as(a.agencyCode() + " item " + a.itemNumber()).isNotNull();
      assertThat(article.closest("section.ws-item").attr("data-item")).isEqualTo(String.valueOf(a.itemNumber()));
      assertThat(article.selectFirst(".overall").text())
          .isEqualTo("Kết quả của " + a.agencyCode() + " cho nhiệm vụ " + a.itemNumber());
      // One answer per bullet of the item (the scenario types two; a third bullet would read "(không ghi)").
      int bullets = d.body().items().stream().filter(i -> i.number() == a.itemNumber()).findFirst().orElseThrow()
          .bullets().size();
      List<String> perBullet = article.select(".answer").eachText().subList(0, bullets);
      for (int b = 0; b < bullets; b++) {
        assertThat(perBullet.get(b)).isEqualTo(b < 2 ? "Kết quả nội dung " + (b + 1) : "(không ghi)");
      }
      assertThat(article.selectFirst(".difficulties").text()).isEqualTo("Không có.");
      assertThat(article.selectFirst(".proposals").text()).isEqualTo("Không có.");
      assertThat(article.selectFirst(".work-status").text()).isNotBlank().isNotEqualTo("(không ghi)");
      assertThat(article.selectFirst(".contact").text()).isEqualTo("Lê Thị Hồng — 0251 3822 505");
      assertThat(article.text()).contains("Không có tệp đính kèm.", "đã báo cáo đúng hạn");
      assertThat(article.selectFirst(".submitted").text()).isNotBlank();
    }
    Element missing = page.getElementById("missing");
    assertThat(missing.select("tbody tr")).hasSize(1);
    assertThat(missing.text()).contains("Cục Quản lý thị trường tỉnh");
  }
}
