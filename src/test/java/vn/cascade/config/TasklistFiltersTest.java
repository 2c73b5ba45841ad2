package vn.cascade.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.directive.DirectiveService;

/** The shared filters of a database from an earlier version get the current query, once, on start. */
class TasklistFiltersTest extends CascadeIntegrationTest {

  @Autowired TasklistFilters tasklistFilters;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;

  @Test
  void anAgencyFilterFromAnEarlierVersionGetsTheCurrentQueryAndKeepsWhatAnAdministratorChanged() throws Exception {
    Assignment a = assignments.ofDirective(directives.issue(directive(LocalDate.now(clock), "so-yt")).id()).get(0);
    completeAs("so-yt", taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS), report("Đã làm."));
    Task review = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REVIEW_REPORT);

    // As an earlier version left it: report tasks only, no query version; an administrator reworded it.
    var filters = processEngine.getFilterService();
    Filter old = filters.createFilterQuery().filterName(TasklistFilters.AGENCY_TASKS).singleResult();
    Map<String, Object> properties = new HashMap<>(old.getProperties());
    properties.remove(TasklistFilters.QUERY_VERSION_PROPERTY);
    properties.put("description", "Do quản trị viên sửa");
    old.setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .taskDefinitionKeyIn(AgencyAssignmentProcess.TASK_REPORT_RESULTS).includeAssignedTasks());
    old.setProperties(properties);
    filters.saveFilter(old);
    assertThat(listedToTheReviewer(old.getId())).doesNotContain(review.getId());

    tasklistFilters.run(null);

    Filter now = filters.getFilter(old.getId());
    assertThat(listedToTheReviewer(now.getId())).contains(review.getId());
    assertThat(now.getProperties()).containsEntry("description", "Do quản trị viên sửa")
        .containsKey(TasklistFilters.QUERY_VERSION_PROPERTY);
  }

  private List<String> listedToTheReviewer(String filterId) {
    identityService.setAuthentication("so-khdt", List.of("so-khdt"));
    try {
      return processEngine.getFilterService().<Task>listPage(filterId, 0, 1000).stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
