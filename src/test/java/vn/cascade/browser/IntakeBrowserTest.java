package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.intake.LetterDocuments;

/**
 * {@code vp-ubnd} issues a Công văn from its signed PDF in Chromium: opens *Nhập văn bản* from
 * Tasklist's header, uploads the PDF, sees the one agency the directory does not know in red with Ban
 * hành disabled, picks the agency from the directory, sees the fan-out, issues, and lands on the
 * directive's dashboard page, where the PDF it uploaded is the *Văn bản gốc* to download.
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
        1. Giao Sở KH&ĐT chủ trì, phối hợp với Sở Xây dựng rà soát các dự án chậm tiến độ.
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
  @Autowired TestRestTemplate http;

  @BeforeEach
  void requireChromium() {
    Browser.requireInstalled();
  }

  @Test
  void theOfficeIssuesADirectiveFromItsPdfAfterPickingTheUnknownAgency(TestInfo info) throws Exception {
    String number = TestDocuments.uniqueNumber("UBND-THNC");
    byte[] pdf = LetterDocuments.pdf(letter(number, LocalDate.now(clock)));
    Path file = Files.createTempDirectory("cascade-letter-").resolve("Công văn " + number.replace('/', '-') + ".pdf");
    Files.write(file, pdf);
    Browser browser = Browser.start();
    WebDriver driver = browser.driver();
    try {
      new TasklistPage(browser, baseUrl(), taskService).logIn("vp-ubnd", "demo");
      browser.waiting().until(visibilityOfElementLocated(By.cssSelector("li.cascade-intake a"))).click();
      browser.waiting().until(visibilityOfElementLocated(By.id("file"))).sendKeys(file.toAbsolutePath().toString());
      driver.findElement(By.id("read")).click();

      WebElement lead = browser.waiting().until(visibilityOfElementLocated(
          By.cssSelector("div.agency-row[data-field='items[1].agencies[0]']")));
      assertThat(lead.getAttribute("class")).contains("unresolved");
      assertThat(lead.getText()).contains("«Sở Du lịch»", "Không tìm thấy cơ quan \"Sở Du lịch\" trong danh mục");
      assertThat(driver.findElements(By.cssSelector("div.agency-row.unresolved"))).hasSize(1);
      assertThat(driver.findElement(By.id("issue")).isEnabled()).as("Ban hành waits for the agency").isFalse();
      assertThat(driver.findElement(By.id("letter-file")).getText()).contains(file.getFileName().toString(), "PDF");

      new Select(lead.findElement(By.tagName("select"))).selectByVisibleText("Sở Văn hóa, Thể thao và Du lịch");
      driver.findElement(By.id("check")).click();
      browser.waiting().until(d -> d.findElements(By.cssSelector("div.agency-row.unresolved")).isEmpty());
      assertThat(new Select(driver.findElement(By.name("items[1].agencies[0].code"))).getFirstSelectedOption().getText())
          .as("the pick survives the check").isEqualTo("Sở Văn hóa, Thể thao và Du lịch");
      assertThat(driver.findElement(By.id("fanout")).getText()).isEqualTo("Sẽ giao 3 nhiệm vụ cho 3 cơ quan");
      assertThat(driver.findElements(By.cssSelector("ul.field-errors li"))).extracting(WebElement::getText).isEmpty();

      driver.findElement(By.id("issue")).click();
      browser.waiting().until(d -> d.getCurrentUrl().contains("/dashboard/directives/"));
      Directive d = directives.findByNumber(number).orElseThrow();
      assertThat(driver.getCurrentUrl()).endsWith("/dashboard/directives/" + d.id());
      assertThat(driver.findElement(By.tagName("body")).getText()).contains(number);
      assertThat(d.body().items()).extracting(i -> i.agencies()).containsExactly(
          List.of("so-khdt"), List.of("so-vhttdl"), List.of("ban-qlkcn"));
      assertThat(assignmentInstances(number, 2, "so-vhttdl")).as("Sở VHTTDL has its task").hasSize(1);

      WebElement link = driver.findElement(By.id("letter-link"));
      assertThat(link.getText()).isEqualTo(file.getFileName().toString());
      ResponseEntity<byte[]> download = http.withBasicAuth("vp-ubnd", "demo")
          .getForEntity(link.getDomAttribute("href"), byte[].class);
      assertThat(download.getStatusCode().value()).isEqualTo(200);
      assertThat(download.getBody()).as("the file uploaded, byte for byte").isEqualTo(pdf);
    } catch (RuntimeException | AssertionError e) {
      browser.saveArtifacts(getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
      throw e;
    } finally {
      browser.quit();
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent());
    }
  }
}
