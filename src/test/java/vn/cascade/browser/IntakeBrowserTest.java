package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;

/**
 * {@code vp-ubnd} issues a Công văn from its pasted text in Chromium: opens *Nhập văn bản* from the
 * dashboard header, pastes, sees the agency the directory does not know in red with Ban hành
 * disabled, picks the agency from the directory, removes the unknown partner, sees the fan-out,
 * issues, and lands on the directive's dashboard page.
 */
class IntakeBrowserTest extends CascadeIntegrationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private static String letter(String number, LocalDate issued) {
    return """
        ỦY BAN NHÂN DÂN
        TỈNH ĐỒNG NAI
        Số: %s
        Đồng Nai, ngày %s
        V/v rà soát các dự án chậm tiến độ
        Kính gửi:
        - Sở Kế hoạch và Đầu tư;
        - Sở Xây dựng;
        - Sở Du lịch.
        1. Giao Sở KH&ĐT chủ trì, phối hợp với Sở Xây dựng và Sở Du lịch rà soát các dự án chậm tiến độ.
        2. Giao Sở Du lịch: Xây dựng kế hoạch kích cầu du lịch.
        3. Ban Quản lý các Khu công nghiệp tỉnh: Đôn đốc các nhà đầu tư hạ tầng khu công nghiệp.
        Các sở, ban, ngành báo cáo kết quả thực hiện về UBND tỉnh trước ngày %s.
        Giao Sở Kế hoạch và Đầu tư tổng hợp kết quả, báo cáo UBND tỉnh trước ngày %s.
        Nơi nhận:
        - Như trên;
        - Lưu: VT, THNC.
        CHỦ TỊCH
        Cao Tiến Dũng
        """.formatted(number, DAY.format(issued), DAY.format(issued.plusDays(16)), DAY.format(issued.plusDays(21)));
  }

  @Autowired DirectiveRepository directives;

  @BeforeEach
  void requireChromium() {
    Browser.requireInstalled();
  }

  @Test
  void theOfficeIssuesADirectiveFromPastedTextAfterPickingTheUnknownAgency(TestInfo info) throws Exception {
    String number = TestDocuments.uniqueNumber("UBND-THNC");
    Browser browser = Browser.start();
    WebDriver driver = browser.driver();
    try {
      driver.get(baseUrl() + "/dashboard");
      WebElement login = browser.waiting().until(visibilityOfElementLocated(By.cssSelector("form[action$='/login']")));
      login.findElement(By.id("username")).sendKeys("vp-ubnd");
      login.findElement(By.id("password")).sendKeys("demo");
      login.findElement(By.cssSelector("button[type='submit']")).click();
      browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));

      driver.findElement(By.linkText("Nhập văn bản")).click();
      browser.waiting().until(visibilityOfElementLocated(By.id("text")))
          .sendKeys(letter(number, LocalDate.now(clock)));
      driver.findElement(By.id("read")).click();

      WebElement lead = browser.waiting().until(visibilityOfElementLocated(
          By.cssSelector("div.agency-row[data-field='items[1].agencies[0]']")));
      assertThat(lead.getAttribute("class")).contains("unresolved");
      assertThat(lead.getText()).contains("«Sở Du lịch»", "Không tìm thấy cơ quan \"Sở Du lịch\" trong danh mục");
      assertThat(driver.findElements(By.cssSelector("div.agency-row.unresolved"))).hasSize(2);
      assertThat(driver.findElement(By.id("issue")).isEnabled()).as("Ban hành waits for the agency").isFalse();

      new Select(lead.findElement(By.tagName("select"))).selectByVisibleText("Sở Văn hóa, Thể thao và Du lịch");
      driver.findElement(By.cssSelector("div.agency-row[data-field='items[0].bullets[0].coordinating[1]'] button"))
          .click();
      browser.waiting().until(d -> d.findElements(By.cssSelector("div.agency-row.unresolved")).isEmpty());
      assertThat(new Select(driver.findElement(By.name("items[1].agencies[0].code"))).getFirstSelectedOption().getText())
          .as("the pick survives the removal").isEqualTo("Sở Văn hóa, Thể thao và Du lịch");
      assertThat(driver.findElement(By.id("fanout")).getText()).isEqualTo("Sẽ giao 3 nhiệm vụ cho 3 cơ quan");
      assertThat(driver.findElements(By.cssSelector("ul.field-errors li"))).extracting(WebElement::getText).isEmpty();

      driver.findElement(By.id("issue")).click();
      browser.waiting().until(d -> d.getCurrentUrl().contains("/dashboard/directives/"));
      Directive d = directives.findByNumber(number).orElseThrow();
      assertThat(driver.getCurrentUrl()).endsWith("/dashboard/directives/" + d.id());
      assertThat(driver.findElement(By.tagName("body")).getText()).contains(number);
      assertThat(d.body().items()).extracting(i -> i.agencies()).containsExactly(
          List.of("so-khdt"), List.of("so-vhttdl"), List.of("ban-qlkcn"));
    } catch (RuntimeException | AssertionError e) {
      browser.saveArtifacts(getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
      throw e;
    } finally {
      browser.quit();
    }
  }
}
