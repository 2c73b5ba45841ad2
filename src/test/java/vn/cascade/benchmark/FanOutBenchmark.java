package vn.cascade.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cascade.CascadeApplication;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

/**
 * Issue 16, item 4: a directive of 125 assignments (4 items to the 35 departments and districts of
 * the 2020 directory: 35 + 35 + 35 + 20), issued on embedded PostgreSQL with the job executor
 * running as on a server (the {@code postgres} profile's settings). Two figures per run, each the
 * median of {@code benchmark.runs} runs:
 * <ul>
 *   <li><b>issue</b>: the time {@link DirectiveService#issue} takes, which is what {@code POST
 *       /api/directives} and the intake page wait for (HTTP and JSON left out);</li>
 *   <li><b>last task</b>: from the issue until the 125th report task exists.</li>
 * </ul>
 * The baseline is the same fan-out issued synchronously: {@code directive} redeployed with the
 * chunks' {@code asyncBefore} taken off ({@code SubProcess_FanOut}), so that the issue itself starts
 * every instance.
 * The two variants alternate, each run on its own fresh deployment of the model.
 *
 * <pre>
 * mvn -Pbenchmark test-compile exec:java -Dbenchmark.main=vn.cascade.benchmark.FanOutBenchmark -Dbenchmark.runs=5
 * </pre>
 */
public final class FanOutBenchmark {

  private static final int ASSIGNMENTS = 125;

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("benchmark.runs", 5);
    List<String> summary = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      int smtpPort;
      try (ServerSocket free = new ServerSocket(0)) {
        smtpPort = free.getLocalPort();
      }
      GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      ConfigurableApplicationContext app = new SpringApplicationBuilder(CascadeApplication.class)
          .profiles("postgres", "benchmark")
          .run("--DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"), "--DB_USER=postgres", "--DB_PASSWORD=",
              "--server.port=0", "--camunda.bpm.job-execution.enabled=true",
              "--camunda.bpm.admin-user.id=bench-admin", "--camunda.bpm.admin-user.password=Mat-khau-do-fan-out-2026",
              "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
              "--logging.level.root=WARN", "--logging.level.vn.cascade=WARN");
      try {
        new FanOutBenchmark(app).run(runs, summary);
      } finally {
        app.close();
        smtp.stop();
      }
    }
    System.out.println();
    System.out.println("==== Summary ====");
    summary.forEach(System.out::println);
    System.exit(0); // GreenMail and Hikari leave non-daemon threads behind
  }

  private final DirectiveService directives;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final List<String> agencies = new ArrayList<>();
  private final BpmnModelInstance asyncModel;
  private final BpmnModelInstance syncModel;
  private int sequence;

  private FanOutBenchmark(ConfigurableApplicationContext app) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    this.directives = app.getBean(DirectiveService.class);
    this.tasks = engine.getTaskService();
    this.repository = engine.getRepositoryService();
    AgencyDirectory directory = app.getBean(AgencyDirectory.class);
    directory.ofKind(AgencyKind.DEPARTMENT).stream().map(Agency::code).forEach(agencies::add);
    directory.ofKind(AgencyKind.DISTRICT).stream().map(Agency::code).forEach(agencies::add);
    ProcessDefinition deployed = repository.createProcessDefinitionQuery().processDefinitionKey(DirectiveProcess.KEY)
        .latestVersion().singleResult();
    // Two copies parsed from the deployed XML (the engine's cached model instance is one shared object).
    this.asyncModel = Bpmn.readModelFromStream(repository.getProcessModel(deployed.getId()));
    this.syncModel = Bpmn.readModelFromStream(repository.getProcessModel(deployed.getId()));
    MultiInstanceLoopCharacteristics fanOut = fanOutOf(syncModel);
    if (!fanOut.isCamundaAsyncBefore()) {
      throw new IllegalStateException("directive's multi-instance is not asynchronous: nothing to compare");
    }
    fanOut.setCamundaAsyncBefore(false);
  }

  private void run(int runs, List<String> summary) throws Exception {
    // Warm-up: one of each, left out.
    once(asyncModel);
    once(syncModel);
    long[][] async = new long[runs][];
    long[][] sync = new long[runs][];
    for (int r = 0; r < runs; r++) {
      async[r] = once(asyncModel);
      sync[r] = once(syncModel);
      System.out.printf("  run %d: in the background issue %d ms, last task %d ms; synchronous issue %d ms%n", r + 1,
          async[r][0], async[r][1], sync[r][0]);
    }
    long asyncIssue = median(async, 0);
    long asyncLast = median(async, 1);
    long syncIssue = median(sync, 0);
    long syncLast = median(sync, 1);
    line(summary, "F directive of %d assignments, job executor on (postgres profile), median of %d runs", ASSIGNMENTS, runs);
    line(summary, "F   issue (what POST /api/directives waits for): in the background %d ms, synchronous %d ms, ratio %.2f",
        asyncIssue, syncIssue, (double) asyncIssue / syncIssue);
    line(summary, "F   until the last report task exists: in the background %d ms, synchronous %d ms, ratio %.2f",
        asyncLast, syncLast, (double) asyncLast / syncLast);
  }

  /** The loop characteristics of the fan-out's chunks ({@code SubProcess_FanOut}), whose jobs are measured. */
  private static MultiInstanceLoopCharacteristics fanOutOf(BpmnModelInstance model) {
    return model.<org.camunda.bpm.model.bpmn.instance.SubProcess>getModelElementById(DirectiveProcess.SUBPROCESS_FAN_OUT)
        .getChildElementsByType(MultiInstanceLoopCharacteristics.class).iterator().next();
  }

  /** Deploys the model, issues one directive of 125 assignments; answers {issue ms, last task ms}. */
  private long[] once(BpmnModelInstance model) throws InterruptedException {
    repository.createDeployment().name("fan-out-benchmark").addModelInstance("directive.bpmn", model).deploy();
    boolean async = fanOutOf(repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
        .processDefinitionKey(DirectiveProcess.KEY).latestVersion().singleResult().getId())).isCamundaAsyncBefore();
    if (async != (model == asyncModel)) {
      throw new IllegalStateException("the deployed directive is not the variant measured");
    }
    DirectiveDraft draft = draft(++sequence);
    long start = System.nanoTime();
    directives.issue(draft);
    long issued = System.nanoTime();
    long deadline = issued + 300_000_000_000L;
    while (tasks.createTaskQuery().processInstanceBusinessKey(draft.number())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).count() < ASSIGNMENTS) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not every task after 5 minutes");
      }
      Thread.sleep(20);
    }
    long last = System.nanoTime();
    return new long[] {(issued - start) / 1_000_000, (last - start) / 1_000_000};
  }

  private DirectiveDraft draft(int n) {
    LocalDate issued = LocalDate.now();
    List<DirectiveDraft.Item> items = new ArrayList<>();
    int left = ASSIGNMENTS;
    for (int item = 1; left > 0; item++) {
      List<String> to = agencies.subList(0, Math.min(left, agencies.size()));
      left -= to.size();
      items.add(new DirectiveDraft.Item(item, "Nhiệm vụ đo giao việc " + item, to, List.of(1),
          List.of(new DirectiveDraft.Bullet("Báo cáo kết quả thực hiện.", List.of())), null));
    }
    return new DirectiveDraft((20000 + n) + "/UBND-FANOUT", issued, null, "UBND tỉnh", null, null, null,
        "Đo thời gian giao nhiệm vụ", null, null, issued.plusDays(16), null, null, issued.plusDays(21), null, null,
        null, null, null, null, items, List.of(), null);
  }

  private static long median(long[][] runs, int column) {
    long[] values = Arrays.stream(runs).mapToLong(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  private static void line(List<String> summary, String format, Object... args) {
    String s = String.format(format, args);
    System.out.println(s);
    summary.add(s);
  }
}
