package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;

/**
 * One agency sees its own tasks in Tasklist and no other agency's: Sở Y tế, logged in to the real
 * Tasklist in a real (headless) Chromium, finds in the filter "Nhiệm vụ của đơn vị" exactly the
 * open work tasks of its group, among them its reports on items 1 and 8 of Công văn
 * 8888/UBND-THNC; the report task of Công an tỉnh on item 10 is neither in the list nor opens
 * when its address is typed in.
 *
 * <p>Selectors and the way through Tasklist as in {@link TasklistReportBrowserTest}.
 */
class TasklistIsolationBrowserTest extends CascadeIntegrationTest {

  private static final String AGENCY = "so-yt";
  private static final String OTHER_AGENCY = "ca-tinh";
  private static final String PASSWORD = "demo";
  private static final String DIRECTIVE_NUMBER = "8888/UBND-THNC";
  private static final String FILTER_NAME = "Nhiệm vụ của đơn vị";
  private static final String OTHER_TASK_NAME = "Báo cáo kết quả thực hiện nhiệm vụ 10 — 8888/UBND-THNC";

  // Tasklist
  private static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
  private static final By TASK_ROWS = By.cssSelector("[cam-tasks] ol.tasks-list > li.task");
  private static final By TASK_LINKS = By.cssSelector("[cam-tasks] ol.tasks-list > li.task h4.task a");
  private static final By NEXT_PAGE = By.cssSelector("[cam-tasks] ul.pagination li.pagination-next:not(.disabled) a");
  private static final By TASK_TITLE = By.cssSelector("[cam-tasklist-task] section.task-card h2.task");
  private static final By TASK_FORM = By.cssSelector("[cam-tasklist-task] [cam-tasklist-form]");
  private static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-task] [cam-tasklist-form-camunda] form.fjs-form");
  private static final Pattern TASK_ID_IN_URL = Pattern.compile("[?&]task=([^&#]+)");

  @Autowired FilterService filterService;

  private Browser browser;
  private WebDriver driver;
  private TasklistPage tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    // Here rather than in @BeforeAll, so that surefire reports the test as skipped, with the reason.
    Browser.requireInstalled();
    browser = Browser.start();
    driver = browser.driver();
    tasklist = new TasklistPage(browser, baseUrl(), taskService);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void agencySeesItsOwnTasksAndNoOtherAgencys(TestInfo info) {
    // The engine: what the shared filter gives Sở Y tế's user, with its authorizations applied.
    Filter filter = filterService.createFilterQuery().filterName(FILTER_NAME).singleResult();
    assertThat(filter).as("the shared filter %s", FILTER_NAME).isNotNull();
    Set<String> expected;
    identityService.setAuthentication(AGENCY, java.util.List.of(AGENCY));
    try {
      expected = filterService.<Task>listPage(filter.getId(), 0, 1000).stream().map(Task::getId)
          .collect(Collectors.toSet());
    } finally {
      identityService.clearAuthentication();
    }
    for (String id : expected) {
      assertThat(taskService.getIdentityLinksForTask(id)).as("task %s is Sở Y tế's", id)
          .anyMatch(l -> AGENCY.equals(l.getGroupId()));
    }
    Task item1 = reportTask(AGENCY, 1);
    Task item8 = reportTask(AGENCY, 8);
    Task otherAgencys = reportTask(OTHER_AGENCY, 10);
    assertThat(otherAgencys.getName()).isEqualTo(OTHER_TASK_NAME);
    assertThat(expected).contains(item1.getId(), item8.getId()).doesNotContain(otherAgencys.getId());

    Set<String> shown;
    try {
      tasklist.logIn(AGENCY, PASSWORD);
      tasklist.openFilter(FILTER_NAME);
      shown = taskIdsInList();

      // Typing in the address of Công an tỉnh's task: Tasklist shows an error or nothing, not the task.
      driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + otherAgencys.getId());
      tasklist.waitFor(() -> "Tasklist, still logged in; the page says: " + tasklist.pageText())
          .until(visibilityOfElementLocated(FILTERS));
      // Give Tasklist the time to ask for the task and to show whatever it would show.
      sleep(Duration.ofSeconds(3));
      assertThat(driver.findElements(CAMUNDA_FORM)).as("the form of %s's task", OTHER_AGENCY).isEmpty();
      assertThat(driver.findElements(TASK_FORM).stream().filter(WebElement::isDisplayed).toList())
          .as("a task form").isEmpty();
      assertThat(driver.findElements(TASK_TITLE).stream().map(WebElement::getText).toList())
          .as("the title of an opened task").doesNotContain(OTHER_TASK_NAME);
      assertThat(driver.findElement(By.tagName("body")).getText())
          .as("the page, with %s's task typed in", OTHER_AGENCY).doesNotContain(OTHER_TASK_NAME);
      // The header has Cascade's dashboard link, and no Nhập văn bản: an agency issues nothing.
      assertThat(driver.findElements(By.cssSelector("li.cascade-dashboard"))).as("the dashboard link").hasSize(1);
      assertThat(driver.findElements(By.cssSelector("li.cascade-intake"))).as("the Nhập văn bản link").isEmpty();
    } catch (RuntimeException | Error e) {
      browser.saveArtifacts(getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
      throw e;
    }

    assertThat(shown).as("the tasks Tasklist lists for %s in %s", AGENCY, FILTER_NAME)
        .containsExactlyInAnyOrderElementsOf(expected)
        .contains(item1.getId(), item8.getId())
        .doesNotContain(otherAgencys.getId());
  }

  private Task reportTask(String agency, int item) {
    Task task = taskService.createTaskQuery()
        .processDefinitionKey(AgencyAssignmentProcess.KEY)
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS)
        .taskCandidateGroup(agency)
        .processInstanceIdIn(assignmentInstances(DIRECTIVE_NUMBER, item, agency).toArray(String[]::new))
        .singleResult();
    assertThat(task).as("the open report task of %s on item %d of %s (demo data)", agency, item, DIRECTIVE_NUMBER)
        .isNotNull();
    return task;
  }

  // ---- Tasklist, as a user goes through it

  /** The ids of the tasks in the list, from the links' addresses, through all of the list's pages. */
  private Set<String> taskIdsInList() {
    Set<String> ids = new LinkedHashSet<>();
    for (int page = 1; ; page++) {
      List<WebElement> rows = tasklist.waitFor("the tasks of the filter")
          .until(d -> d.findElements(TASK_ROWS).isEmpty() ? null : d.findElements(TASK_ROWS));
      List<String> onPage = tasklist.waitFor("the task links of page " + page)
          .ignoring(StaleElementReferenceException.class)
          .until(d -> {
            List<String> found = d.findElements(TASK_LINKS).stream().map(this::taskIdOf).toList();
            return found.isEmpty() || found.contains(null) ? null : found;
          });
      ids.addAll(onPage);
      List<WebElement> next = driver.findElements(NEXT_PAGE);
      if (next.isEmpty()) {
        return ids;
      }
      assertThat(page).as("pages of tasks").isLessThan(50);
      tasklist.scrollToCenter(next.get(0));
      next.get(0).click();
      tasklist.waitFor("the next page of tasks").until(stalenessOf(rows.get(0)));
    }
  }

  private String taskIdOf(WebElement link) {
    String href = link.getDomProperty("href");
    if (href == null) {
      return null;
    }
    Matcher m = TASK_ID_IN_URL.matcher(href);
    return m.find() ? m.group(1) : null;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
