package vn.cascade.directive;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;

/**
 * What the collecting agency sees when the collection opens, and again each time a late report
 * arrives: every report that came in, and every agency still missing.
 */
@Service
public class CollectionService {

  private static final int BUDGET = Texts.MAX_STRING_VARIABLE - 200;

  private final DirectiveRepository directives;
  private final AssignmentRepository assignments;
  private final AgencyDirectory agencies;
  private final RuntimeService runtimeService;
  private final Clock clock;

  CollectionService(DirectiveRepository directives, AssignmentRepository assignments, AgencyDirectory agencies,
      RuntimeService runtimeService, Clock clock) {
    this.clock = clock;
    this.directives = directives;
    this.assignments = assignments;
    this.agencies = agencies;
    this.runtimeService = runtimeService;
  }

  /** Marks the collection open (the first time only) and returns the view's variables. */
  public Map<String, Object> open(long directiveId) {
    directives.markCollectionOpened(directiveId, clock.instant());
    Map<String, Object> variables = view(directiveId);
    DirectiveProcess.COLLECTION_OPENED.put(variables, true);
    return variables;
  }

  /** Brings a late report to the collector: refreshes the view if the collection is open. */
  public void deliverLateReport(long directiveId) {
    Directive d = directives.find(directiveId).orElseThrow();
    if (d.collectionOpenedAt() == null || d.processInstanceId() == null) {
      return;
    }
    boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(d.processInstanceId()).count() > 0;
    if (running) {
      runtimeService.setVariables(d.processInstanceId(), view(directiveId));
    }
  }

  Map<String, Object> view(long directiveId) {
    List<Assignment> all = assignments.ofDirective(directiveId);
    List<Assignment> reported = all.stream().filter(Assignment::reported).toList();
    List<Assignment> missing = all.stream().filter(a -> !a.reported()).toList();
    Map<String, Object> v = new LinkedHashMap<>();
    DirectiveProcess.REPORT_PROGRESS_TEXT.put(v, "Đã nhận " + reported.size() + "/" + all.size()
        + " báo cáo; còn thiếu " + missing.size() + " (cập nhật " + VnDates.formatWithTime(clock.instant()) + ").");
    DirectiveProcess.COLLECTED_REPORTS.put(v, collectedText(reported));
    DirectiveProcess.MISSING_AGENCIES.put(v, missingText(missing));
    return v;
  }

  private String collectedText(List<Assignment> reported) {
    if (reported.isEmpty()) {
      return "Chưa có cơ quan nào báo cáo.";
    }
    StringBuilder headers = new StringBuilder();
    for (Assignment a : reported) {
      headers.append(header(a));
    }
    int perReport = Math.max(0, (BUDGET - headers.length()) / reported.size() - 20);
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Assignment a : reported) {
      b.append(++n).append(". ").append(header(a));
      if (perReport >= 40) {
        String result = (String) a.report().get(AgencyAssignmentProcess.OVERALL_RESULT.name());
        b.append("   Kết quả: ").append(Texts.abbreviate(result, perReport)).append('\n');
      }
    }
    return Texts.fitVariable(b.toString().strip());
  }

  private String header(Assignment a) {
    String status = AgencyAssignmentProcess.STATUS_COMPLETED.equals(
        a.report().get(AgencyAssignmentProcess.COMPLETION_STATUS.name())) ? "đã hoàn thành" : "đang thực hiện";
    return agencies.shortName(a.agencyCode()) + " — nhiệm vụ " + a.itemNumber() + " — nộp ngày "
        + VnDates.format(a.reportedAt()) + " (" + a.status(clock.instant()).label()
        + (a.arrivedAfterCollection() ? ", đến sau khi mở tổng hợp" : "") + ") — " + status + "\n";
  }

  private String missingText(List<Assignment> missing) {
    if (missing.isEmpty()) {
      return "Tất cả các cơ quan đã báo cáo.";
    }
    Map<String, List<Integer>> byAgency = new LinkedHashMap<>();
    for (Assignment a : missing) {
      byAgency.computeIfAbsent(a.agencyCode(), k -> new java.util.ArrayList<>()).add(a.itemNumber());
    }
    return Texts.fitVariable(byAgency.entrySet().stream()
        .map(e -> agencies.shortName(e.getKey()) + " (nhiệm vụ "
            + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
        .collect(Collectors.joining("\n")));
  }
}
