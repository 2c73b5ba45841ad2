package vn.cascade.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import vn.cascade.MutableClock;
import vn.cascade.ProcessDriver;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.common.VnDates;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionItemTrace;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.conclusion.PartyConclusionProcess;
import vn.cascade.demo.DemoCase;
import vn.cascade.demo.DemoCaseLoader;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveRepository;

/**
 * The whole Đồng Nai cascade of the seed, once, on whatever database the context runs: every
 * agency reports, one after the collection opened; the summary is approved; the report goes
 * back to the Party; nothing is lost.
 */
public final class DemoCascadeScenario {

  /** Agency whose report arrives late, after the collection opened (item 14 of 8888). */
  static final String LATE_AGENCY = "cuc-qltt";
  static final int LATE_ITEM = 14;
  private static final AtomicInteger RUN = new AtomicInteger();

  private final ProcessEngine engine;
  private final ProcessDriver driver;
  private final DemoCaseLoader loader;
  private final ConclusionService conclusions;
  private final DirectiveRepository directives;
  private final AssignmentRepository assignments;
  private final MutableClock clock;

  public DemoCascadeScenario(ProcessEngine engine, DemoCaseLoader loader, ConclusionService conclusions,
      DirectiveRepository directives, AssignmentRepository assignments, MutableClock clock) {
    this.engine = engine;
    this.driver = new ProcessDriver(engine);
    this.loader = loader;
    this.conclusions = conclusions;
    this.directives = directives;
    this.assignments = assignments;
    this.clock = clock;
  }

  public void run() {
    run(d -> { });
  }

  /**
   * @param whenCollecting called once the collection has opened with 47 reports and the late agency
   *     missing, before the late report lands: what the collector sees then
   */
  public void run(java.util.function.Consumer<Directive> whenCollecting) {
    int run = RUN.incrementAndGet();
    DemoCase demo = loader.read().withNumbers((1098 + 1000 * run) + "-KL/TU", (8888 + 10000 * run) + "/UBND-THNC");
    LocalDate issuedOn = LocalDate.now(clock);
    Conclusion c = loader.load(demo, issuedOn);
    Directive d = directives.findByNumber(demo.directive().number()).orElseThrow();

    // The letter as the seed gives it: 14 items, item 1 to 24 departments and 11 district units.
    assertThat(d.body().items()).hasSize(14);
    assertThat(d.reportDeadline()).isEqualTo(issuedOn.plusDays(16));
    assertThat(d.summaryDeadline()).isEqualTo(issuedOn.plusDays(21));
    assertThat(c.reportBackDeadline()).isEqualTo(issuedOn.plusDays(138));
    assertThat(c.incomingNumber()).isEqualTo("7.17.BCS");
    assertThat(c.receivedOn()).isEqualTo(issuedOn.minusDays(7));
    List<Assignment> all = assignments.ofDirective(d.id());
    assertThat(all).hasSize(48);
    assertThat(all.stream().filter(a -> a.itemNumber() == 1)).hasSize(35);
    assertThat(all).filteredOn(a -> a.agencyCode().equals("so-khdt")).extracting(Assignment::itemNumber)
        .containsExactly(1, 2);
    assertThat(all).filteredOn(a -> a.agencyCode().equals("ubnd-long-khanh")).extracting(Assignment::itemNumber)
        .containsExactly(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(d.number())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).count()).isEqualTo(48);

    // Traceability: who carries item 3 of the Conclusion (budget, capital, transport, land…)?
    var trace = conclusions.trace(c.id(), 3);
    assertThat(trace.assignments()).extracting(ConclusionItemTrace.Carrier::agency)
        .containsExactlyInAnyOrder("so-khdt", "so-gtvt", "so-tnmt", "cuc-thue");
    assertThat(trace.assignments()).extracting(ConclusionItemTrace.Carrier::directiveItem)
        .containsExactlyInAnyOrder(2, 5, 6, 12);

    // Every agency but one reports the day before the deadline.
    clock.set(VnDates.dueBefore(d.reportDeadline()).minus(Duration.ofDays(1)));
    for (Assignment a : all) {
      if (!isLate(a)) {
        reportAs(a);
      }
    }
    String directivePi = d.processInstanceId();
    assertThat(driver.taskOf(directivePi, DirectiveProcess.TASK_COLLECT_REPORTS)).isNull();

    // The deadline passes: the collection opens with 47 reports and names the missing agency.
    clock.set(VnDates.dueBefore(d.reportDeadline()).plus(Duration.ofHours(9)));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(directivePi).timers()
        .activityId(DirectiveProcess.BOUNDARY_DEADLINE_PASSED).singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(VnDates.dueBefore(d.reportDeadline()));
    engine.getManagementService().executeJob(timer.getId());
    Task collect = driver.taskOf(directivePi, DirectiveProcess.TASK_COLLECT_REPORTS);
    assertThat(collect).isNotNull();
    Map<String, Object> view = engine.getRuntimeService().getVariables(directivePi);
    assertThat((String) view.get("reportProgressText")).startsWith("Đã nhận 47/48 báo cáo");
    assertThat(view.get("missingAgencies")).isEqualTo("Cục Quản lý thị trường tỉnh (nhiệm vụ 14)");
    whenCollecting.accept(d);

    // The late report still lands, is marked late and reaches the collector.
    Assignment late = all.stream().filter(DemoCascadeScenario::isLate).findFirst().orElseThrow();
    reportAs(late);
    Assignment landed = assignments.find(late.id()).orElseThrow();
    assertThat(landed.status(clock.instant())).isEqualTo(ReportStatus.COMPLETED_LATE);
    assertThat(landed.arrivedAfterCollection()).isTrue();
    view = engine.getRuntimeService().getVariables(directivePi);
    assertThat(view.get("missingAgencies")).isEqualTo("Tất cả các cơ quan đã báo cáo.");
    assertThat((String) view.get("reportProgressText")).startsWith("Đã nhận 48/48 báo cáo");

    // Summary, approval, report back to the Party.
    driver.uploadSummaryDocument(directivePi, "so-khdt");
    driver.completeAs("so-khdt", driver.taskOf(directivePi, DirectiveProcess.TASK_COLLECT_REPORTS),
        Map.of("summaryNumber", "150/BC-SKHĐT", "summaryText", "Tổng hợp kết quả thực hiện Kết luận."));
    driver.completeAs("lanh-dao-ubnd", driver.taskOf(directivePi, DirectiveProcess.TASK_APPROVE_SUMMARY),
        Map.of("summaryDecision", "approve", "summaryComment", "Đồng ý."));
    driver.executeAsyncJobs();
    driver.uploadReportBackDocument(c.processInstanceId(), "vp-ubnd");
    driver.completeAs("vp-ubnd", driver.taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_PREPARE_REPORT_BACK),
        Map.of("reportBackNumber", "45-BC/BCSĐ", "reportBackText", "Báo cáo kết quả thực hiện Kết luận."));
    driver.completeAs("lanh-dao-ubnd", driver.taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_APPROVE_REPORT_BACK),
        Map.of("reportBackDecision", "approve"));

    // Nothing lost: every process ended, every report stored once with its answers.
    var history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(directivePi).singleResult()
        .getEndTime()).isNotNull();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(d.number())
        .processDefinitionKey(AgencyAssignmentProcess.KEY).finished().count()).isEqualTo(48);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(d.number()).count())
        .isZero();
    List<Assignment> done = assignments.ofDirective(d.id());
    assertThat(done).allSatisfy(a -> {
      assertThat(a.reported()).isTrue();
      assertThat(a.report()).containsEntry("overallResult", "Kết quả của " + a.agencyCode() + " cho nhiệm vụ " + a.itemNumber());
    });
    assertThat(done).filteredOn(a -> a.status(clock.instant()) == ReportStatus.COMPLETED_ON_TIME).hasSize(47);
    assertThat(conclusions.get(c.id()).reportBackNumber()).isEqualTo("45-BC/BCSĐ");
    assertThat(directives.find(d.id()).orElseThrow().summaryNumber()).isEqualTo("150/BC-SKHĐT");
  }

  private static boolean isLate(Assignment a) {
    return a.agencyCode().equals(LATE_AGENCY) && a.itemNumber() == LATE_ITEM;
  }

  private void reportAs(Assignment a) {
    driver.reportAndAccept(a.agencyCode(), a.processInstanceId(),
        report("Kết quả của " + a.agencyCode() + " cho nhiệm vụ " + a.itemNumber(), "Kết quả nội dung 1",
            "Kết quả nội dung 2"));
  }
}
