package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementSelectionStateToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a user goes through it, and the Camunda Form (form-js) of the open task,
 * in one {@link Browser}. Shared by the browser tests; the tests keep their own assertions.
 *
 * <p>Selectors are Tasklist's own structure (its Angular attributes such as {@code ng-model} and
 * {@code ng-click}, which do not depend on the UI language) plus what Cascade controls: the filter
 * and task names, the ids of the form's components ({@code Field_...}), the radio options' labels.
 */
final class TasklistPage {

  /** Cascade's one login page, where Tasklist sends a browser that is not logged in. */
  static final By LOGIN_FORM = By.cssSelector("form[action$='/login']");
  private static final By USERNAME = By.id("username");
  private static final By PASSWORD_INPUT = By.id("password");
  private static final By LOGIN_BUTTON = By.cssSelector("button[type='submit']");
  static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
  private static final By TASK_ROWS = By.cssSelector("[cam-tasks] ol.tasks-list > li.task");
  private static final By NEXT_PAGE = By.cssSelector("[cam-tasks] ul.pagination li.pagination-next:not(.disabled) a");
  private static final By TASK_TITLE = By.cssSelector("[cam-tasklist-task] section.task-card h2.task");
  private static final By CLAIM = By.cssSelector("[cam-tasklist-task] li.assignee button.claim");
  static final By DISABLED_FORM = By.cssSelector("[cam-tasklist-task] .disabled-form");
  private static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-task] [cam-tasklist-form-camunda] form.fjs-form");
  private static final By COMPLETE = By.cssSelector("[cam-tasklist-task] .form-actions button[ng-click='complete()']");

  private final Browser browser;
  private final WebDriver driver;
  private final String baseUrl;
  private final TaskService taskService;

  /** {@code baseUrl}: where the application runs; {@code taskService}: to see a completion reach the engine. */
  TasklistPage(Browser browser, String baseUrl, TaskService taskService) {
    this.browser = browser;
    this.driver = browser.driver();
    this.baseUrl = baseUrl;
    this.taskService = taskService;
  }

  // ---- Tasklist

  /**
   * Opens Tasklist, which sends the browser to Cascade's one login page, logs in there and waits for
   * Tasklist's filters. One attempt only: a wrong password slows the next try.
   */
  void logIn(String user, String password) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/");
    WebElement form = waitFor("Cascade's login page").until(visibilityOfElementLocated(LOGIN_FORM));
    // Typed until both fields hold what they should; nothing is sent before both are right.
    for (int attempt = 0; attempt < 5; attempt++) {
      WebElement name = form.findElement(USERNAME);
      WebElement secret = form.findElement(PASSWORD_INPUT);
      name.clear();
      secret.clear();
      name.sendKeys(user);
      secret.sendKeys(password);
      if (user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"))) {
        break;
      }
    }
    waitFor("the login button").until(elementToBeClickable(form.findElement(LOGIN_BUTTON))).click();
    waitFor(() -> "Tasklist after logging in as " + user + "; the page says: " + pageText())
        .until(visibilityOfElementLocated(FILTERS));
  }

  void openFilter(String name) {
    By filter = By.xpath("//div[@cam-tasklist-filters]//div[contains(concat(' ', normalize-space(@class), ' '),"
        + " ' task-filter ')][.//h4[contains(@class, 'name')]/a[contains(normalize-space(.), " + literal(name)
        + ")]]");
    WebElement item = waitFor("the filter " + name).until(visibilityOfElementLocated(filter));
    item.findElement(By.cssSelector("h4.name a")).click();
    waitFor("the filter " + name + " selected").until(attributeContains(filter, "class", "active"));
  }

  /**
   * Finds the task in the list, going through the list's pages if there are several, opens it and
   * waits for its Camunda Form. By its name and id: a returned report's new task has the same name
   * as the first one.
   */
  void openTask(String name, String taskId) {
    By link = By.xpath("//div[@cam-tasks]//ol[contains(@class, 'tasks-list')]/li//h4[contains(@class, 'task')]"
        + "/a[normalize-space(.) = " + literal(name) + " and contains(@href, 'task=" + taskId + "')]");
    for (int page = 1; ; page++) {
      List<WebElement> rows = waitFor("the tasks of the filter")
          .until(d -> d.findElements(TASK_ROWS).isEmpty() ? null : d.findElements(TASK_ROWS));
      List<WebElement> links = driver.findElements(link);
      if (!links.isEmpty()) {
        scrollToCenter(links.get(0));
        links.get(0).click();
        break;
      }
      List<WebElement> next = driver.findElements(NEXT_PAGE);
      assertThat(next).as("the task \"%s\" (%s) in the list (page %d, shown: %s)", name, taskId, page, taskNames())
          .isNotEmpty();
      assertThat(page).as("pages of tasks").isLessThan(50);
      scrollToCenter(next.get(0));
      next.get(0).click();
      waitFor("the next page of tasks").until(stalenessOf(rows.get(0)));
    }
    waitFor("the task " + taskId + " opened").until(urlContains("task=" + taskId));
    waitFor("the task's title").until(textToBe(TASK_TITLE, name));
    waitFor("the task's Camunda Form").until(visibilityOfElementLocated(CAMUNDA_FORM));
  }

  /** Claims the open task unless it is already the user's, and waits for its form to be enabled. */
  void claimIfNeeded() {
    // Tasklist shows the form of an unclaimed task, but disabled, with Complete greyed out.
    List<WebElement> claim = driver.findElements(CLAIM);
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      waitFor("the claim done").until(invisibilityOfElementLocated(CLAIM));
    }
    waitFor("the form enabled after the claim").until(invisibilityOfElementLocated(DISABLED_FORM));
  }

  void complete(String taskId) {
    WebElement button = waitFor(() -> "the Complete button enabled; form errors: " + formErrors())
        .until(elementToBeClickable(COMPLETE));
    scrollToCenter(button);
    button.click();
    // Tasklist takes the completed task out of the list and closes it.
    waitFor(() -> "the task completed; the page says: " + pageText())
        .until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    waitFor("the completed task gone from the list")
        .until(invisibilityOfElementLocated(By.xpath("//div[@cam-tasks]//a[contains(@href, 'task=" + taskId + "')]")));
  }

  /**
   * Clicks Complete on a form the server refuses: Tasklist shows the refusal and keeps the task.
   *
   * @return the page's text once it shows {@code expected}
   */
  String completeRefused(String taskId, String expected) {
    WebElement button = waitFor(() -> "the Complete button enabled; form errors: " + formErrors())
        .until(elementToBeClickable(COMPLETE));
    scrollToCenter(button);
    button.click();
    waitFor(() -> "Tasklist showing \"" + expected + "\"; its notifications say: " + notifications())
        .until(d -> notifications().contains(expected));
    if (taskService.createTaskQuery().taskId(taskId).count() != 1) {
      throw new AssertionError("The refused task " + taskId + " was completed after all");
    }
    String said = notifications();
    // The officer closes the message, as it covers the form's buttons.
    By close = By.cssSelector(".page-notifications button[ng-click='removeNotification(notification)']");
    for (WebElement x : driver.findElements(close)) {
      if (x.isDisplayed()) {
        x.click();
      }
    }
    waitFor("the notifications closed").until(invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
    return said;
  }

  // ---- The Camunda Form (form-js): elements are found by the id of the form's component

  /** form-js gives each field the id {@code fjs-form-<random>-<component id>}. */
  static By field(String componentId) {
    return By.cssSelector("[cam-tasklist-task] form.fjs-form [id$='-" + componentId + "']");
  }

  /** The text the task's form shows (its Text views included), whitespace collapsed. */
  String formText() {
    WebElement form = waitFor("the task's form").until(visibilityOfElementLocated(CAMUNDA_FORM));
    return form.getText().replaceAll("\\s+", " ");
  }

  String valueOf(String componentId) {
    WebElement element = waitFor(componentId).until(visibilityOfElementLocated(field(componentId)));
    return element.getDomProperty("value");
  }

  void type(String componentId, String text) {
    WebElement element = waitFor(componentId).until(elementToBeClickable(field(componentId)));
    scrollToCenter(element);
    element.click();
    element.sendKeys(text);
    waitUntilHolds(componentId, text);
  }

  /** Replaces what a field holds the way a user does: select all, type over it. */
  void replace(String componentId, String text) {
    WebElement element = waitFor(componentId).until(elementToBeClickable(field(componentId)));
    scrollToCenter(element);
    element.click();
    element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    waitFor(componentId + " emptied").ignoring(StaleElementReferenceException.class)
        .until(d -> "".equals(d.findElement(field(componentId)).getDomProperty("value")));
    driver.findElement(field(componentId)).sendKeys(text);
    waitUntilHolds(componentId, text);
  }

  private void waitUntilHolds(String componentId, String text) {
    waitFor(componentId + " holding what was typed")
        .ignoring(StaleElementReferenceException.class)
        .until(d -> text.equals(d.findElement(field(componentId)).getDomProperty("value")));
    // Leave the field as users do. Observed otherwise: with a field focused and the task pane
    // scrolled to its end, the mouse-down of the next click (which blurs the field) scrolls the
    // pane back by some 57 px, so the mouse-up lands elsewhere and the click is lost.
    driver.findElement(field(componentId)).sendKeys(Keys.TAB);
  }

  /** form-js: {@code <label for="fjs-form-<random>-<component id>-<n>"><input type="radio">label</label>}. */
  private static By radioLabel(String componentId, String label) {
    return By.xpath("//div[@cam-tasklist-task]//form[contains(@class, 'fjs-form')]//label[contains(@for, '-"
        + componentId + "-') and normalize-space(.) = " + literal(label) + "]");
  }

  WebElement radio(String componentId, String label) {
    return waitFor(componentId + " option " + label).until(visibilityOfElementLocated(radioLabel(componentId, label)))
        .findElement(By.cssSelector("input[type='radio']"));
  }

  void choose(String componentId, String label) {
    WebElement labelElement = waitFor(componentId + " option " + label)
        .until(elementToBeClickable(radioLabel(componentId, label)));
    WebElement radio = labelElement.findElement(By.cssSelector("input[type='radio']"));
    scrollToCenter(labelElement);
    labelElement.click();
    waitFor(componentId + " option " + label + " chosen").until(elementSelectionStateToBe(radio, true));
  }

  // ---- Waiting, scrolling, and what the page says when a wait fails

  /**
   * Selenium scrolls an element only just into the window, where Tasklist's fixed footer ("Date
   * and Time displayed in local timezone") may lie over it (the Complete button, the list's
   * pagination); a user would scroll further.
   */
  void scrollToCenter(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  WebDriverWait waitFor(String what) {
    return waitFor(() -> what);
  }

  WebDriverWait waitFor(Supplier<String> what) {
    WebDriverWait wait = browser.waiting();
    wait.withMessage(what);
    // A page that navigates or re-renders while it is read is a page still arriving, not a failure.
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private String formErrors() {
    try {
      return driver.findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error, [cam-tasklist-task] .alert"))
          .stream().filter(WebElement::isDisplayed).map(WebElement::getText).collect(Collectors.joining(" | "));
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private List<String> taskNames() {
    return driver.findElements(By.cssSelector("[cam-tasks] ol.tasks-list > li.task h4.task a")).stream()
        .map(WebElement::getText).toList();
  }

  /** What Tasklist's notification area and the form's alerts say. */
  String notifications() {
    StringBuilder b = new StringBuilder();
    for (WebElement e : driver.findElements(By.cssSelector(".notifications, .alert"))) {
      try {
        b.append(e.getText().replaceAll("\\s+", " ")).append(" | ");
      } catch (RuntimeException stale) {
        // re-rendered meanwhile
      }
    }
    return b.toString();
  }

  String pageText() {
    try {
      String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
      return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** An XPath string literal for text without double quotes. */
  private static String literal(String text) {
    if (text.contains("\"")) {
      throw new IllegalArgumentException("No double quotes in XPath literals here: " + text);
    }
    return "\"" + text + "\"";
  }
}
