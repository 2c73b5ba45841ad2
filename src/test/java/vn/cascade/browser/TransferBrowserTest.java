package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import java.time.LocalDate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.TransferRequests;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;

/**
 * The transfer decision in Tasklist, in Chromium: the form lists the directory's agencies (from the
 * task's view), opens with the suggested one chosen, and a transfer with it moves the assignment.
 */
class TransferBrowserTest extends CascadeIntegrationTest {

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired TransferRequests transfers;

  private Browser browser;
  private TasklistPage tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    Browser.requireInstalled();
    browser = Browser.start();
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
  void theOfficeTransfersToTheSuggestedAgencyPreselectedInTheForm() {
    Directive d = directives.issue(directive(LocalDate.now(clock), "so-gtvt"));
    Assignment a = assignments.ofDirective(d.id()).get(0);
    transfers.request(a.id(), "Thuộc lĩnh vực xây dựng.", "so-xd", "so-gtvt", java.util.Set.of("so-gtvt"));
    Task decision = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_DECIDE_TRANSFER);

    tasklist.logIn("vp-ubnd", "demo");
    tasklist.openFilter("Nhiệm vụ của đơn vị");
    tasklist.openTask(decision.getName(), decision.getId());
    tasklist.claimIfNeeded();
    assertThat(tasklist.formText()).contains("Thuộc lĩnh vực xây dựng.", "Sở Xây dựng");
    tasklist.choose("Field_TransferDecision", "Chuyển cho cơ quan khác");
    tasklist.type("Field_TransferComment", "Chuyển Sở Xây dựng chủ trì.");
    tasklist.complete(decision.getId());

    assertThat(assignments.find(a.id()).orElseThrow().agencyCode()).isEqualTo("so-xd");
  }
}
