package vn.cascade.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters, in Vietnamese, created once. */
@Component
@Order(15)
class TasklistFilters implements ApplicationRunner {

  static final String AGENCY_TASKS = "Nhiệm vụ của đơn vị";
  static final String MY_TASKS = "Nhiệm vụ tôi đang xử lý";
  /** The filter of the standing "Xin gia hạn (nếu cần)" tasks, gone since extensions are asked for on demand. */
  static final String EXTENSIONS = "Xin gia hạn";

  /**
   * Raised whenever {@link #WORK_TASKS} or a filter's query changes, so that an existing filter gets the
   * new query once (2: the transfer decision). Kept in the filter's properties, which are public API.
   */
  static final int QUERY_VERSION = 2;
  static final String QUERY_VERSION_PROPERTY = "cascadeQueryVersion";

  /** Every task that is work to do. */
  private static final String[] WORK_TASKS = {
      "Task_ReportResults", "Task_ReviewReport", "Task_DecideExtension", "Task_DecideTransfer",
      "Task_ContributeToReport",
      "Task_RecordReceipt", "Task_DraftDirective", "Task_ApproveDirective", "Task_CollectReports",
      "Task_ApproveSummary", "Task_PrepareReportBack", "Task_ApproveReportBack"};

  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "directiveNumber", "label", "Số văn bản"),
      Map.of("name", "itemNumber", "label", "Nhiệm vụ số"),
      Map.of("name", "agencyName", "label", "Cơ quan"));

  private final FilterService filterService;
  private final TaskService taskService;

  TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    create(AGENCY_TASKS, -10, "Nhiệm vụ giao cho cơ quan, kể cả nhiệm vụ đã có người nhận xử lý",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskDefinitionKeyIn(WORK_TASKS).includeAssignedTasks().orderByDueDate().asc());
    create(MY_TASKS, -5, "Nhiệm vụ anh/chị đã nhận xử lý",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    // A database from before extensions on demand still has the filter of the standing tasks.
    filterService.createFilterQuery().filterName(EXTENSIONS).list().forEach(f -> filterService.deleteFilter(f.getId()));
  }

  private void create(String name, int priority, String description, TaskQuery query) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // A database from before a new kind of task (the transfer decision) gets the current query;
      // the filter's id and what an administrator changed in its properties stay. Only then: nodes
      // starting together would otherwise all write the same filter.
      Map<String, Object> properties = existing.getProperties() == null ? new HashMap<>()
          : new HashMap<>(existing.getProperties());
      if (!String.valueOf(QUERY_VERSION).equals(String.valueOf(properties.get(QUERY_VERSION_PROPERTY)))) {
        properties.put(QUERY_VERSION_PROPERTY, QUERY_VERSION);
        existing.setQuery(query);
        existing.setProperties(properties);
        try {
          filterService.saveFilter(existing);
        } catch (OptimisticLockingException e) {
          // Another node updated it first.
        }
      }
      return;
    }
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(Map.<String, Object>of(
        "description", description, "priority", priority, "refresh", true, "variables", COLUMNS,
        QUERY_VERSION_PROPERTY, QUERY_VERSION));
    filterService.saveFilter(filter);
  }
}
