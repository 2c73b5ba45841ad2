package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;

/**
 * One door (issue 14, item 1), in Chromium: a link to a Tasklist task opened while logged out leads
 * to Cascade's login page and, after it, to that very task; from there the home page and the
 * dashboard open with no second login; *Đăng xuất* on the dashboard ends Tasklist's session too;
 * and Tasklist's own *Đăng xuất* ends Cascade's.
 */
class OneLoginBrowserTest extends CascadeIntegrationTest {

  private static final String AGENCY = "so-tnmt";
  private static final String PASSWORD = "demo";
  private static final By TASK_TITLE = By.cssSelector("[cam-tasklist-task] section.task-card h2.task");
  private static final By HOME_ROWS = By.cssSelector("table#work tbody tr");

  @org.springframework.beans.factory.annotation.Autowired vn.cascade.assignment.AssignmentRepository assignments;

  private Browser browser;
  private WebDriver driver;
  private TasklistPage tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    Browser.requireInstalled();
    browser = Browser.start();
    driver = browser.driver();
    tasklist = new TasklistPage(browser, baseUrl(), taskService);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.saveArtifacts(getClass().getSimpleName());
      browser.quit();
    }
  }

  @Test
  void oneLoginOpensTheTaskTheHomeAndTheDashboardAndOneLogoutEndsThemAll() {
    Task report = taskService.createTaskQuery().taskCandidateGroup(AGENCY)
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).orderByTaskName().asc().list().get(0);

    // A link to the task, logged out: Cascade's login page, then the task itself.
    driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + report.getId());
    logInOnCascadesPage();
    tasklist.waitFor(() -> "the task of the link; the page says: " + tasklist.pageText())
        .until(urlContains("task=" + report.getId()));
    assertThat(tasklist.waitFor("the task card").until(visibilityOfElementLocated(TASK_TITLE)).getText())
        .isEqualTo(report.getName());

    // Only real work in the agency's Tasklist: each subtitle says what and which directive, no actions
    // it cannot use.
    tasklist.waitFor("the subtitles").until(d -> d.findElements(By.cssSelector("[cam-tasks] li.task h6.process-definition"))
        .stream().allMatch(h -> h.getText().startsWith("Báo cáo của cơ quan · ")));
    assertThat(driver.findElements(By.cssSelector("li.create-task-action, li.start-process-action")))
        .allSatisfy(e -> assertThat(e.isDisplayed()).as("Tạo nhiệm vụ / Khởi tạo quy trình").isFalse());
    assertThat(driver.findElements(By.cssSelector("[cam-tasks] li.task .priority")))
        .allSatisfy(e -> assertThat(e.isDisplayed()).as("priority badge").isFalse());

    // Home and dashboard: no second login.
    driver.get(baseUrl() + "/");
    assertThat(driver.getCurrentUrl()).doesNotContain("/login");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Việc của đơn vị");
    List<WebElement> rows = driver.findElements(HOME_ROWS);
    assertThat(rows).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("table#work a[href$='task=" + report.getId() + "']")))
        .as("the home page links the task in Tasklist").hasSize(1);
    assertThat(driver.findElement(By.cssSelector("header .who .name")).getText())
        .as("a name, never a bare id").isNotEqualTo(AGENCY).isNotBlank();
    // More time, asked for from the home page: pending there and on the page.
    WebElement ask = driver.findElement(By.cssSelector("table#work tr a[href$='/extension']"));
    String assignmentId = ask.getDomAttribute("href").replaceAll(".*/assignments/(\\d+)/extension", "$1");
    ask.click();
    WebElement date = tasklist.waitFor("the extension form").until(visibilityOfElementLocated(By.id("requestedDeadline")));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", date,
        assignments.find(Long.parseLong(assignmentId)).orElseThrow().deadline().plusDays(2).toString());
    driver.findElement(By.id("extensionReason")).sendKeys("Chờ số liệu quyết toán.");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    tasklist.waitFor(() -> "the request pending; the page says: " + tasklist.pageText())
        .until(d -> d.findElement(By.tagName("body")).getText().contains("Đang chờ quyết định gia hạn"));
    driver.get(baseUrl() + "/");
    assertThat(driver.findElement(By.cssSelector("table#work tr[data-assignment='" + assignmentId + "']")).getText())
        .contains("Đang chờ quyết định gia hạn");

    driver.get(baseUrl() + "/dashboard");
    assertThat(driver.getCurrentUrl()).doesNotContain("/login");
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Theo dõi");

    // Đăng xuất on the dashboard: Tasklist asks for a login again.
    driver.findElement(By.cssSelector("header .who form button[type='submit']")).click();
    tasklist.waitFor("the login page after logging out").until(urlContains("/login"));
    assertThat(driver.findElement(By.cssSelector("p.info")).getText()).isEqualTo("Bạn đã đăng xuất.");
    driver.get(baseUrl() + "/camunda/app/tasklist/default/");
    tasklist.waitFor("Cascade's login page for Tasklist").until(visibilityOfElementLocated(TasklistPage.LOGIN_FORM));

    // Log in again; Tasklist's own Đăng xuất: Cascade's pages ask for a login too.
    logInOnCascadesPage();
    tasklist.waitFor("Tasklist").until(visibilityOfElementLocated(TasklistPage.FILTERS));
    tasklist.waitFor("the user menu").until(elementToBeClickable(By.cssSelector("li.account > a"))).click();
    tasklist.waitFor("Tasklist's Đăng xuất").until(elementToBeClickable(By.cssSelector("li.account li.logout a")))
        .click();
    tasklist.waitFor(() -> "Cascade's login page after Tasklist's logout; the page says: " + tasklist.pageText())
        .until(visibilityOfElementLocated(TasklistPage.LOGIN_FORM));
    assertThat(driver.getCurrentUrl()).contains("/login");
    driver.get(baseUrl() + "/dashboard");
    tasklist.waitFor("the dashboard asks for a login").until(visibilityOfElementLocated(TasklistPage.LOGIN_FORM));

    // Văn phòng UBND decides in Tasklist, as before.
    Task decision = taskService.createTaskQuery().taskCandidateGroup("vp-ubnd")
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_DECIDE_EXTENSION).orderByTaskCreateTime().desc().list().get(0);
    tasklist.logIn("vp-ubnd", PASSWORD);
    tasklist.openFilter("Nhiệm vụ của đơn vị");
    tasklist.openTask(decision.getName(), decision.getId());
    tasklist.claimIfNeeded();
    tasklist.choose("Field_ExtensionDecision", "Đồng ý gia hạn như đề nghị");
    tasklist.type("Field_ExtensionComment", "Đồng ý gia hạn.");
    tasklist.complete(decision.getId());
    assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).as("decided").isZero();
  }

  private void logInOnCascadesPage() {
    logInOnCascadesPage(AGENCY);
  }

  private void logInOnCascadesPage(String user) {
    WebElement form = tasklist.waitFor("Cascade's login page").until(visibilityOfElementLocated(TasklistPage.LOGIN_FORM));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cascade — Đăng nhập");
    form.findElement(By.id("username")).sendKeys(user);
    form.findElement(By.id("password")).sendKeys(PASSWORD);
    form.findElement(By.cssSelector("button[type='submit']")).click();
    tasklist.waitFor(() -> "past the login page; it says: " + tasklist.pageText())
        .until(d -> !d.getCurrentUrl().contains("/login"));
  }
}
