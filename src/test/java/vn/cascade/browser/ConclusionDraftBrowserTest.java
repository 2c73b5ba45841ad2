package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.conclusion.PartyConclusionProcess;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;
import vn.cascade.intake.SeedImportTest;

/**
 * The drafting task of a registered Conclusion gets its list from the intake page, in Chromium:
 * {@code vp-ubnd} pastes the seed's Công văn, saves it into the task (the page's primary button while
 * the task is open), opens the task in Tasklist, sees the list read-only with its fan-out and the link
 * back to the page, and completes it; {@code lanh-dao-ubnd} approves it in Tasklist and the directive
 * is issued with the whole fan-out.
 */
class ConclusionDraftBrowserTest extends CascadeIntegrationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String FILTER_NAME = "Nhiệm vụ của đơn vị";

  @Autowired ConclusionService conclusions;
  @Autowired DirectiveService directives;
  @Autowired vn.cascade.directive.DirectiveRepository directiveRepository;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void requireChromium() {
    Browser.requireInstalled();
  }

  @Test
  void theOfficeSavesTheListFromTheIntakePageAndTheLeaderApprovesItInTasklist() throws Exception {
    LocalDate today = LocalDate.now(clock);
    Conclusion c = conclusions.register(TestDocuments.conclusion(today.minusDays(14)));
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_RECORD_RECEIPT),
        Map.of("incomingNumber", "7.17.BCS", "incomingDate", today.minusDays(7).toString()));
    Task drafting = taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_DRAFT_DIRECTIVE);
    String number = TestDocuments.uniqueNumber("UBND-THNC");

    as("vp-ubnd", "1-office", (browser, tasklist) -> {
      WebDriver driver = browser.driver();
      driver.get(baseUrl() + "/intake/directives/new");
      WebElement text = browser.waiting().until(visibilityOfElementLocated(By.id("text")));
      ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", text, SeedImportTest.seed());
      driver.findElement(By.id("read")).click();
      browser.waiting().until(visibilityOfElementLocated(By.id("fanout")));
      set(driver, "number", number);
      set(driver, "issuedOn", DAY.format(today));
      set(driver, "reportDeadline", DAY.format(today.plusDays(16)));
      set(driver, "summaryDeadline", DAY.format(today.plusDays(21)));
      set(driver, "conclusionNumber", c.number());
      driver.findElement(By.id("check")).click();
      WebElement save = browser.waiting().until(elementToBeClickable(By.id("save-draft")));
      assertThat(driver.findElements(By.id("issue"))).as("no Ban hành while the drafting task is open").isEmpty();
      assertThat(save.getText()).isEqualTo("Lưu dự thảo vào nhiệm vụ soạn thảo");
      String fanOut = driver.findElement(By.id("fanout")).getText();
      save.click();
      browser.waiting().until(visibilityOfElementLocated(By.id("draft-saved")));
      assertThat(driver.findElement(By.id("drafting-task")).getDomAttribute("href")).endsWith("?task=" + drafting.getId());
      assertThat(directives.draftOfConclusion(c.id())).get().extracting(Directive::number).isEqualTo(number);

      driver.get(baseUrl() + "/camunda/app/tasklist/default/"); // the same login: Tasklist opens on its filters
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(drafting.getName(), drafting.getId());
      tasklist.claimIfNeeded();
      String form = tasklist.formText();
      assertThat(form).contains(fanOut, "Sở Kế hoạch và Đầu tư", "Soạn / sửa danh sách nhiệm vụ trên trang Nhập văn bản");
      assertThat(driver.findElement(By.linkText("Soạn / sửa danh sách nhiệm vụ trên trang Nhập văn bản"))
          .getDomAttribute("href")).endsWith("/intake/directives/from-conclusion/" + c.id());
      assertThat(tasklist.valueOf("Field_DirectiveNumber")).as("the form opens with the saved number").isEqualTo(number);
      tasklist.complete(drafting.getId());
    });

    Task approval = taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_APPROVE_DIRECTIVE);
    as("lanh-dao-ubnd", "2-leader", (browser, tasklist) -> {
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(approval.getName(), approval.getId());
      tasklist.claimIfNeeded();
      assertThat(tasklist.formText()).contains(number, "Sở Kế hoạch và Đầu tư");
      tasklist.choose("Field_DirectiveDecision", "Phê duyệt, ban hành");
      tasklist.complete(approval.getId());
    });

    Directive issued = directiveRepository.findByNumber(number).orElseThrow();
    assertThat(issued.status()).isEqualTo(Directive.Status.ISSUED);
    int assignments = 0;
    for (DirectiveDraft.Item item : SeedImportTest.demo().directive().items()) {
      assignments += directives.addressees(item).size();
    }
    assertThat(jdbc.sql("select count(*) from cascade_assignment where directive_id = :d").param("d", issued.id())
        .query(Integer.class).single()).isEqualTo(assignments);
  }

  private static void set(WebDriver driver, String name, String value) {
    WebElement field = driver.findElement(By.name(name));
    field.clear();
    field.sendKeys(value);
  }

  private interface Turn {
    void run(Browser browser, TasklistPage tasklist) throws Exception;
  }

  /** One user's turn in a browser of their own, logged in through Tasklist (Cascade's one login). */
  private void as(String user, String step, Turn turn) throws Exception {
    Browser browser = Browser.start();
    try {
      TasklistPage tasklist = new TasklistPage(browser, baseUrl(), taskService);
      tasklist.logIn(user, "demo");
      turn.run(browser, tasklist);
    } catch (Exception | Error e) {
      browser.saveArtifacts(getClass().getSimpleName() + "-" + step);
      throw e;
    } finally {
      browser.quit();
    }
  }
}
