package vn.cascade.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cascade.CascadeApplication;
import vn.cascade.TestDocuments;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

/**
 * Not a test:
 * {@code mvn -Pbenchmark test-compile exec:java -Dbenchmark.main=vn.cascade.benchmark.LoadBenchmark
 * [-Dbenchmark.directives=1000] [-Dbenchmark.assignmentsPerDirective=25] [-Dbenchmark.threads=4]
 * [-Dbenchmark.startupRuns=2]}. Must not run as root (initdb refuses to).
 *
 * <p>On embedded PostgreSQL, with GreenMail as the SMTP server: (A) issues D directives of N
 * assignments each through {@link DirectiveService}, (C) fires the first reminder of every
 * assignment (timer job, send job, outbox, SMTP), (B) submits every report as its agency and
 * accepts it as the reviewer, all from several threads. Each phase is set beside the same work on a
 * bare process on the same engine: a one-user-task process started N times per directive, its
 * tasks completed, no-op timer jobs. Before that, start-up time and memory of Cascade and of a
 * bare Camunda Spring Boot application, each in a fresh JVM on an empty database. Every figure is
 * printed as "cascade X, baseline Y, ratio Z".
 *
 * <p>A is timed with the SQL counter off, the three sides interleaved in {@code -Dbenchmark.rounds} (6: a
 * multiple of the three sides, so each side runs first, second and third equally often) rounds, each
 * round's times printed, after a warm-up of 1 directive per 20 (at most 50, so that the JIT has compiled
 * every side's paths before the first timed round), and counted in a second pass of
 * {@code -Dbenchmark.countedDirectives} (100) directives. Diagnostics: {@code -Dbenchmark.only=A} runs A
 * alone; {@code -Dbenchmark.pgWaits=true} samples {@code pg_stat_activity} during each measured run
 * ({@link WaitSampler}); {@code -Dbenchmark.sqlSample=<kind>} prints the first statements of one kind
 * ("select act_ru_authorization") with the frames that sent them; {@code -Dbenchmark.explain=true} prints
 * the authorization rows per group and the plans of two of the engine's lookups after A (Load.explainLookups). For a CPU
 * profile: {@code MAVEN_OPTS="-XX:StartFlightRecording=filename=a.jfr,settings=profile"}.
 */
public final class LoadBenchmark {

  private static final String BARE_TASK_PROCESS = "benchmarkBareTask";
  private static final String BARE_TIMER_PROCESS = "benchmarkNoOpTimer";
  private static final String FLOOR_DIRECTIVE_PROCESS = "benchmarkFloorDirective";
  private static final String FLOOR_ASSIGNMENT_PROCESS = "benchmarkFloorAssignment";
  private static final String BARE_GROUP = "so-yt";
  private static final String ADMIN_PASSWORD = "Mat-khau-do-hieu-nang-2026";

  private final int directives;
  private final int perDirective;
  private final int threads;
  private final int warmUp;
  private final List<String> report = new ArrayList<>();

  private LoadBenchmark(int directives, int perDirective, int threads, int warmUp) {
    this.directives = directives;
    this.perDirective = perDirective;
    this.threads = threads;
    this.warmUp = warmUp;
  }

  public static void main(String[] args) throws Exception {
    int directives = Integer.getInteger("benchmark.directives", 1000);
    int perDirective = Integer.getInteger("benchmark.assignmentsPerDirective", 25);
    int threads = Integer.getInteger("benchmark.threads", 4);
    int startupRuns = Integer.getInteger("benchmark.startupRuns", 2);
    int warmUp = Integer.getInteger("benchmark.warmUp", Math.min(50, Math.max(1, directives / 20)));
    new LoadBenchmark(directives, perDirective, threads, warmUp).run(startupRuns);
    System.exit(0); // GreenMail and Hikari leave non-daemon threads behind
  }

  private void run(int startupRuns) throws Exception {
    long began = System.nanoTime();
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    try {
      machine(postgres);
      if (startupRuns > 0) {
        startup(postgres, startupRuns);
      }
      load(postgres);
    } finally {
      postgres.close();
    }
    line("benchmark wall time: %.1f min", (System.nanoTime() - began) / 60e9);
    System.out.println();
    System.out.println("==== Summary ====");
    report.forEach(System.out::println);
  }

  // ---------------------------------------------------------------- machine

  private void machine(EmbeddedPostgres postgres) throws Exception {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0)).findFirst()
        .orElse("?");
    String pg;
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show server_version")) {
      rs.next();
      pg = rs.getString(1);
    }
    line("machine: %d cores (%s), %s RAM, Java %s (%s), PostgreSQL %s (embedded)",
        Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.version"),
        System.getProperty("java.vm.name"), pg);
    line("size: %d directives x %d assignments (+%d warm-up directives), %d threads", directives, perDirective,
        warmUp, threads);
  }

  // ---------------------------------------------------------------- start-up and memory

  private void startup(EmbeddedPostgres postgres, int runs) throws Exception {
    String classpath = classpath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<double[]> cascade = new ArrayList<>();
    List<double[]> bare = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      for (String kind : List.of("bare", "cascade")) {
        String db = "startup_" + kind + "_" + run;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
          s.execute("create database " + db);
        }
        double[] figures = probe(java, classpath, kind, postgres.getJdbcUrl("postgres", db));
        System.out.printf("  start-up run %d %-7s: %.0f ms, heap %.1f MB, RSS %.1f MB%n", run, kind, figures[0],
            figures[1], figures[2]);
        (kind.equals("bare") ? bare : cascade).add(figures);
      }
    }
    double[] c = median(cascade);
    double[] b = median(bare);
    line("start-up, JVM start to ready, empty database (median of %d, ms): cascade %.0f, baseline %.0f, ratio %.2f",
        runs, c[0], b[0], c[0] / b[0]);
    line("heap used after start-up and GC (MB): cascade %.1f, baseline %.1f, ratio %.2f", c[1], b[1], c[1] / b[1]);
    line("resident memory (RSS) after start-up (MB, -Xmx1g): cascade %.1f, baseline %.1f, ratio %.2f", c[2], b[2],
        c[2] / b[2]);
  }

  private static double[] probe(String java, String classpath, String kind, String url) throws Exception {
    Process p = new ProcessBuilder(java, "-Xmx1g", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8",
        "-cp", classpath, StartupProbe.class.getName(), kind, url).redirectErrorStream(true).start();
    Deque<String> tail = new ArrayDeque<>();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = out.readLine()) != null; ) {
        if (l.startsWith("STARTUP ")) {
          result = l;
        }
        tail.addLast(l);
        if (tail.size() > 40) {
          tail.removeFirst();
        }
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || result == null) {
      p.destroyForcibly();
      throw new IllegalStateException("Start-up probe " + kind + " failed:\n" + String.join("\n", tail));
    }
    String[] f = result.split(" ");
    return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])};
  }

  /** The test classpath exec:java runs this with, for the probes' fresh JVMs. */
  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader l = LoadBenchmark.class.getClassLoader(); l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          try {
            entries.add(new File(url.toURI()).getPath());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    String own = System.getProperty("java.class.path");
    if (own != null && !own.isBlank()) {
      entries.addAll(Arrays.asList(own.split(File.pathSeparator)));
    }
    return String.join(File.pathSeparator, entries);
  }

  private static double[] median(List<double[]> runs) {
    double[] m = new double[runs.get(0).length];
    for (int i = 0; i < m.length; i++) {
      int k = i;
      double[] v = runs.stream().mapToDouble(r -> r[k]).sorted().toArray();
      m[i] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
    return m;
  }

  // ---------------------------------------------------------------- load

  private void load(EmbeddedPostgres postgres) throws Exception {
    int smtpPort;
    try (ServerSocket free = new ServerSocket(0)) {
      smtpPort = free.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    SqlCounter sql = new SqlCounter();
    List<String> props = new ArrayList<>(List.of("--DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--DB_USER=postgres",
        "--DB_PASSWORD=",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.admin-user.id=bench-admin",
        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--spring.datasource.hikari.maximum-pool-size=" + Math.max(20, 3 * threads),
        "--logging.level.root=WARN",
        "--logging.level.vn.cascade=WARN"));
    String history = System.getProperty("benchmark.historyLevel");
    if (history != null) {
      props.add("--camunda.bpm.history-level=" + history); // a variant to compare; Cascade runs with full
      line("history level: %s (variant; Cascade's configuration says full)", history);
    }
    long appStart = System.nanoTime();
    ConfigurableApplicationContext app = new SpringApplicationBuilder(CascadeApplication.class)
        .profiles("postgres", "benchmark")
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(sql.postProcessor()))
        .run(props.toArray(String[]::new));
    System.out.printf("  Cascade started on embedded PostgreSQL in %.1f s%n", (System.nanoTime() - appStart) / 1e9);
    try {
      new Load(app, sql, smtp).run();
    } finally {
      app.close();
      smtp.stop();
    }
  }

  private final class Load {
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService jobs;
    private final IdentityService identity;
    private final DirectiveService directiveService;
    private final AssignmentRepository assignments;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final String jdbcUrl;
    private final SqlCounter sql;
    private final GreenMail smtp;
    private final List<String> agencies;
    private final int total = warmUp + directives;
    /** Rounds of A's timed pass ({@link #interleaved}). */
    private final int rounds = Math.max(1, Math.min(directives, Integer.getInteger("benchmark.rounds", 6)));
    /** Directives of A's second pass, the one whose SQL is counted (the first pass is timed, uncounted). */
    private final int counted = Math.min(directives, Integer.getInteger("benchmark.countedDirectives", 100));
    private final long[] directiveIds = new long[total + counted];
    private final String[][] bareInstances = new String[total + counted][];

    Load(ConfigurableApplicationContext app, SqlCounter sql, GreenMail smtp) {
      this.engine = app.getBean(ProcessEngine.class);
      this.runtime = engine.getRuntimeService();
      this.tasks = engine.getTaskService();
      this.jobs = engine.getManagementService();
      this.identity = engine.getIdentityService();
      this.directiveService = app.getBean(DirectiveService.class);
      this.assignments = app.getBean(AssignmentRepository.class);
      this.jdbc = app.getBean(JdbcClient.class);
      this.dataSource = app.getBean(DataSource.class);
      this.jdbcUrl = app.getEnvironment().getProperty("DB_URL");
      this.sql = sql;
      this.smtp = smtp;
      AgencyDirectory directory = app.getBean(AgencyDirectory.class);
      List<String> candidates = new ArrayList<>();
      directory.ofKind(AgencyKind.DEPARTMENT).stream().map(Agency::code).forEach(candidates::add);
      directory.ofKind(AgencyKind.DISTRICT).stream().map(Agency::code).forEach(candidates::add);
      if (perDirective > candidates.size()) {
        throw new IllegalArgumentException("At most " + candidates.size() + " assignments per directive");
      }
      this.agencies = candidates.subList(0, perDirective);
    }

    void run() throws Exception {
      deployBaselines();
      phaseA();
      if (!"A".equals(System.getProperty("benchmark.only"))) { // -Dbenchmark.only=A: the directive starts alone
        phaseC();
        phaseB();
      }
    }

    private void deployBaselines() {
      BpmnModelInstance task = Bpmn.createExecutableProcess(BARE_TASK_PROCESS).camundaHistoryTimeToLive(1)
          .startEvent("StartEvent_Started")
          .userTask("Task_Bare").camundaCandidateGroups(BARE_GROUP)
          .endEvent("EndEvent_Done")
          .done();
      BpmnModelInstance timer = Bpmn.createExecutableProcess(BARE_TIMER_PROCESS).camundaHistoryTimeToLive(1)
          .startEvent("StartEvent_Started")
          .intermediateCatchEvent("Event_Due").timerWithDate("2020-01-01T00:00:00")
          .endEvent("EndEvent_Done")
          .done();
      // The floor: the least a directive of Cascade's shape can cost on this engine. A multi-instance
      // call activity over the agencies; each called instance has one user task for its agency's group
      // with a due date and a non-interrupting reminder timer on it. No service task, no variable of its
      // own beyond the agency and the due date, no table of our own.
      BpmnModelInstance floorAssignment = Bpmn.createExecutableProcess(FLOOR_ASSIGNMENT_PROCESS)
          .camundaHistoryTimeToLive(1)
          .startEvent("StartEvent_Received")
          .userTask("Task_Report").camundaCandidateGroups("${agency}").camundaDueDate("${dueDate}")
          .endEvent("EndEvent_Reported")
          .moveToActivity("Task_Report")
          .boundaryEvent("Event_Remind").cancelActivity(false).timerWithDate("${dueDate}")
          .endEvent("EndEvent_Reminded")
          .done();
      BpmnModelInstance floorDirective = Bpmn.createExecutableProcess(FLOOR_DIRECTIVE_PROCESS)
          .camundaHistoryTimeToLive(1)
          .startEvent("StartEvent_Issued")
          .callActivity("CallActivity_Assignments").calledElement(FLOOR_ASSIGNMENT_PROCESS)
          .camundaIn("dueDate", "dueDate")
          .multiInstance().parallel().cardinality("${nrOfAgencies}")
          .multiInstanceDone()
          .endEvent("EndEvent_AllReported")
          .done();
      CamundaIn agencyIn = floorDirective.newInstance(CamundaIn.class);
      agencyIn.setCamundaSourceExpression("${agencies.split(',')[loopCounter]}");
      agencyIn.setCamundaTarget("agency");
      floorDirective.<CallActivity>getModelElementById("CallActivity_Assignments").getExtensionElements()
          .addChildElement(agencyIn);
      engine.getRepositoryService().createDeployment().name("load-benchmark-baselines")
          .addModelInstance("benchmark-bare-task.bpmn", task)
          .addModelInstance("benchmark-no-op-timer.bpmn", timer)
          .addModelInstance("benchmark-floor-assignment.bpmn", floorAssignment)
          .addModelInstance("benchmark-floor-directive.bpmn", floorDirective).deploy();
    }

    // -------------------------------------------------------------- A: directive starts

    private void phaseA() throws Exception {
      System.out.println();
      System.out.println("== A: directive starts ==");
      LocalDate issued = LocalDate.now();
      // A directive start is the issue and its fan-out: the jobs that start the assignments' instances (one
      // per chunk of 25), run here one after the other in the issuing thread, as the job executor takes them.
      Work issue = (i, rec) -> {
        long t = System.nanoTime();
        Directive d = directiveService.issue(draft(i, issued));
        rec.add("request", System.nanoTime() - t);
        runFanOut(d);
        rec.add("op", System.nanoTime() - t);
        directiveIds[i] = d.id();
      };
      Work bare = (i, rec) -> {
        long t = System.nanoTime();
        String[] ids = new String[perDirective];
        for (int n = 0; n < perDirective; n++) {
          ids[n] = runtime.startProcessInstanceByKey(BARE_TASK_PROCESS).getId();
        }
        rec.add("op", System.nanoTime() - t);
        bareInstances[i] = ids;
      };
      Date due = Date.from(issued.plusDays(16).atStartOfDay(ZoneOffset.UTC).toInstant());
      Work floor = (i, rec) -> {
        long t = System.nanoTime();
        runtime.startProcessInstanceByKey(FLOOR_DIRECTIVE_PROCESS, Variables.createVariables()
            .putValueTyped("agencies", Variables.stringValue(String.join(",", agencies), true))
            .putValueTyped("nrOfAgencies", Variables.integerValue(agencies.size(), true))
            .putValue("dueDate", due));
        rec.add("op", System.nanoTime() - t);
      };
      parallel(0, warmUp, issue);
      parallel(0, warmUp, bare);
      parallel(0, warmUp, floor);
      // The database is a few seconds old: without statistics PostgreSQL takes every column for mostly non-null,
      // and plans the engine's load of an execution's variables ("where EXECUTION_ID_ = ? and TASK_ID_ is
      // null", run by every fan-out job) with a bitmap of all the variables without a task, a cost that grows
      // with the table (0.5 ms at 12,000 rows). Autovacuum analyzes a table of a running server long before
      // that; here it would not have run yet. Statistics once after the warm-up, for every side alike.
      jdbc.sql("analyze").update();

      // Timed with the SQL counter switched off: its proxies tax every JDBC call (each parameter set, each
      // statement), so a count taken in the same pass would slow the side that sends more SQL. The counts
      // (and the time in the driver) come from a second pass of the same work with the counter on.
      sql.counting(false);
      List<Result> timed = interleaved(warmUp, total, List.of(issue, bare, floor), List.of("cascade", "baseline", "floor"));
      Result cascade = timed.get(0);
      Result baseline = timed.get(1);
      Result floorResult = timed.get(2);
      sql.counting(true);
      Result cascadeCounted = measured(total, total + counted, issue);
      Result baselineCounted = measured(total, total + counted, bare);
      Result floorCounted = measured(total, total + counted, floor);
      Map<String, Long> cascadeSql = cascadeCounted.sql();
      Map<String, Long> bareSql = baselineCounted.sql();
      Map<String, Long> floorSql = floorCounted.sql();

      int made = jdbc.sql("select count(*) from cascade_assignment").query(Integer.class).single();
      long waiting = tasks.createTaskQuery().taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).count();
      System.out.printf("  %d assignments in the table, %d report tasks open%n", made, waiting);
      compare("A", "directive starts (1 directive of " + perDirective + " assignments vs " + perDirective
          + " bare one-task starts), timed with the SQL counter off, in " + rounds + " interleaved rounds",
          "directives", cascade, baseline);
      line("A   of which the issue itself (the request's part, before the fan-out jobs): latency p50 %.1f ms",
          percentile(cascade.series("request").latencies(), 0.5) / 1e6);
      double perCascade = (double) SqlCounter.total(cascadeSql) / counted;
      double perBare = (double) SqlCounter.total(bareSql) / counted;
      line("A SQL statements per directive start (a second pass of %d directives, counted): cascade %.1f, baseline"
          + " %.1f, ratio %.2f", counted, perCascade, perBare, perCascade / perBare);
      roundTrips("A", "directive start", cascadeSql, bareSql, counted);
      double perFloor = (double) SqlCounter.total(floorSql) / counted;
      double bareRate = baseline.units() / baseline.seconds();
      double floorRate = floorResult.units() / floorResult.seconds();
      double cascadeRate = cascade.units() / cascade.seconds();
      line("A floor: a directive of the same shape and nothing more (a multi-instance call activity of %d instances,"
          + " each one user task for its agency with a due date and a reminder timer)", perDirective);
      line("A   floor against the baseline: time %.2f, latency p50 %.2f, SQL statements %.1f / %.1f = %.2f,"
          + " round trips %.2f", bareRate / floorRate,
          percentile(floorResult.latencies(), 0.5) / percentile(baseline.latencies(), 0.5), perFloor, perBare,
          perFloor / perBare, (double) SqlCounter.roundTrips(floorSql) / SqlCounter.roundTrips(bareSql));
      line("A   cascade against the floor: time %.2f, latency p50 %.2f, SQL statements %.2f", floorRate / cascadeRate,
          percentile(cascade.latencies(), 0.5) / percentile(floorResult.latencies(), 0.5), perCascade / perFloor);
      line("A   the counted pass, for comparison: cascade takes %.2fx the baseline's time and %.2fx the floor's",
          (baselineCounted.units() / baselineCounted.seconds()) / (cascadeCounted.units() / cascadeCounted.seconds()),
          (floorCounted.units() / floorCounted.seconds()) / (cascadeCounted.units() / cascadeCounted.seconds()));
      driverTime("A", "directive start (counted pass)", cascadeCounted, baselineCounted, floorCounted, counted);
      if (Boolean.getBoolean("benchmark.explain")) {
        explainLookups();
      }
      printTop("SQL statements per directive start, cascade", cascadeSql, counted, 25);
      printTop("SQL statements per " + perDirective + " bare starts, baseline", bareSql, counted, 15);
      printTop("SQL statements per floor directive start", floorSql, counted, 15);
    }

    /** Runs the fan-out jobs of a directive, highest priority first, as the job executor would take them. */
    private void runFanOut(Directive d) {
      String pi = directiveService.get(d.id()).processInstanceId();
      for (Job job : jobs.createJobQuery().processInstanceId(pi).activityId(DirectiveProcess.SUBPROCESS_FAN_OUT)
          .orderByJobPriority().desc().list()) {
        jobs.executeJob(job.getId());
      }
    }

    private DirectiveDraft draft(int i, LocalDate issued) {
      DirectiveDraft.Item item = new DirectiveDraft.Item(1, "Nhiệm vụ đo tải", agencies, List.of(1),
          List.of(new DirectiveDraft.Bullet("Báo cáo kết quả thực hiện.", List.of())));
      return new DirectiveDraft((10000 + i) + "/UBND-LOAD", issued, null, "UBND tỉnh", null, null, null,
          "Đo hiệu năng khi tải lớn", null, null, issued.plusDays(16), null, null, issued.plusDays(21), null, null,
          null, null, null, null, List.of(item), List.of(), null);
    }

    // -------------------------------------------------------------- C: reminders

    private void phaseC() {
      System.out.println();
      System.out.println("== C: reminders ==");
      // An assignment has no reminder timer of its own any more: its reminders and urgings go out in the
      // morning digest, one mail per agency and day. ReminderBenchmark measures a morning of 10,000 items
      // against 10,000 no-op timer jobs.
      line("C skipped: reminders go out in the morning digest; see ReminderBenchmark");
    }

    private List<String> prepareNoOpTimers(int count) throws Exception {
      long t = System.nanoTime();
      List<String> ids = new ArrayList<>(java.util.Collections.nCopies(count, (String) null));
      parallel(0, total, (i, rec) -> {
        for (int n = i * perDirective; n < (i + 1) * perDirective; n++) {
          String pi = runtime.startProcessInstanceByKey(BARE_TIMER_PROCESS).getId();
          ids.set(n, jobs.createJobQuery().processInstanceId(pi).singleResult().getId());
        }
      });
      System.out.printf("  (%d no-op timers prepared in %.1f s)%n", count, (System.nanoTime() - t) / 1e9);
      return ids;
    }

    // -------------------------------------------------------------- B: reports

    private void phaseB() throws Exception {
      System.out.println();
      System.out.println("== B: every report submitted by its agency, accepted by the reviewer, delivered ==");
      Work reports = (i, rec) -> {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey((10000 + i) + "/UBND-LOAD")
            .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).list();
        for (Task task : open) {
          String pi = task.getProcessInstanceId();
          // Who works on each task is its candidate group (Cascade keeps no routing in variables).
          String agency = candidateGroup(task.getId());
          Map<String, Object> form = TestDocuments.report("Đã hoàn thành nhiệm vụ.", "Kết quả nội dung 1 của " + agency);
          long t0 = System.nanoTime();
          completeAs(agency, task.getId(), form);
          long t1 = System.nanoTime();
          Task review = tasks.createTaskQuery().processInstanceId(pi)
              .taskDefinitionKey(AgencyAssignmentProcess.TASK_REVIEW_REPORT).singleResult();
          long lookup = System.nanoTime();
          String reviewer = candidateGroup(review.getId()); // the harness's own lookup: not timed
          long lookedUp = System.nanoTime() - lookup;
          completeAs(reviewer, review.getId(), Map.of("reviewDecision", "accept", "reviewComment", ""));
          for (Job job : jobs.createJobQuery().processInstanceId(pi).messages().list()) {
            jobs.executeJob(job.getId());
          }
          long t2 = System.nanoTime() - lookedUp;
          rec.add("submit", t1 - t0);
          rec.add("op", t2 - t0);
        }
      };
      Work bare = (i, rec) -> {
        List<String> ids = new ArrayList<>();
        for (String pi : bareInstances[i]) {
          ids.add(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId());
        }
        for (String id : ids) {
          long t = System.nanoTime();
          completeAs(BARE_GROUP, id, Map.of("result", "Đã hoàn thành nhiệm vụ."));
          rec.add("op", System.nanoTime() - t);
        }
      };
      parallel(0, warmUp, reports);
      parallel(0, warmUp, bare);
      Result cascade = measured(warmUp, total, reports);
      Result baseline = measured(warmUp, total, bare);
      Map<String, Long> cascadeSql = cascade.sql();
      Map<String, Long> bareSql = baseline.sql();

      int open = jdbc.sql("select count(*) from cascade_assignment where reported_at is null").query(Integer.class)
          .single();
      long collecting = tasks.createTaskQuery().taskDefinitionKey("Task_CollectReports").count();
      long leftJobs = jobs.createJobQuery().messages().count();
      System.out.printf("  %d assignments still unreported, %d directives now collecting, %d async jobs left%n",
          open, collecting, leftJobs);
      compare("B", "report submitted by the agency (claim + complete) vs bare task completed (claim + complete)",
          "reports", cascade.series("submit"), baseline);
      compare("B", "report cycle (submit + review accepted + delivery job) vs bare task completed", "reports",
          cascade, baseline);
      int n = directives * perDirective;
      line("B SQL statements per report cycle: cascade %.1f, baseline %.1f, ratio %.2f",
          (double) SqlCounter.total(cascadeSql) / n, (double) SqlCounter.total(bareSql) / n,
          (double) SqlCounter.total(cascadeSql) / SqlCounter.total(bareSql));
      roundTrips("B", "report cycle", cascadeSql, bareSql, n);
      printTop("SQL statements per report cycle, cascade", cascadeSql, n, 15);
    }

    private String candidateGroup(String taskId) {
      return tasks.getIdentityLinksForTask(taskId).stream().map(l -> l.getGroupId())
          .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    private void completeAs(String group, String taskId, Map<String, Object> variables) {
      identity.setAuthentication(group, List.of(group));
      try {
        tasks.claim(taskId, group);
        tasks.complete(taskId, variables);
      } finally {
        identity.clearAuthentication();
      }
    }

    // -------------------------------------------------------------- running and printing

    /** {@link #parallel}, with the SQL the run sent counted into the result. */
    private Result measured(int from, int to, Work work) throws Exception {
      Map<String, Long> before = sql.snapshot();
      WaitSampler waits = Boolean.getBoolean("benchmark.pgWaits") ? new WaitSampler(jdbcUrl) : null;
      Result result = parallel(from, to, work);
      if (waits != null) {
        waits.stopAndPrint();
      }
      return result.withSql(SqlCounter.minus(sql.snapshot(), before));
    }

    /**
     * Runs each side's work over [from, to) in {@link #rounds} rounds, the sides in a rotated order in each
     * round, so that what drifts during a run (the database growing, the JIT, autovacuum) falls on every
     * side alike. One result per side: its seconds and units summed, its latencies merged. Each round's
     * seconds are printed, with the first side's time against the second's, so that the spread of a run
     * can be seen beside its total.
     */
    private List<Result> interleaved(int from, int to, List<Work> sides, List<String> names) throws Exception {
      int n = sides.size();
      double[] seconds = new double[n];
      int[] units = new int[n];
      List<Map<String, List<long[]>>> parts = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        parts.add(new HashMap<>());
      }
      double[] round = new double[n];
      for (int r = 0; r < rounds; r++) {
        int a = from + (to - from) * r / rounds;
        int b = from + (to - from) * (r + 1) / rounds;
        for (int k = 0; k < n; k++) {
          int side = (k + r) % n;
          Result part = parallel(a, b, sides.get(side));
          seconds[side] += part.seconds();
          units[side] += part.units();
          part.all().forEach((key, v) -> parts.get(side).computeIfAbsent(key, x -> new ArrayList<>()).add(v));
          round[side] = part.seconds();
        }
        StringBuilder line = new StringBuilder(String.format("  round %d of %d (%d units per side):", r + 1, rounds, b - a));
        for (int k = 0; k < n; k++) {
          line.append(String.format(" %s %.1f s", names.get(k), round[k]));
        }
        System.out.println(line.append(String.format(", %s/%s %.2f", names.get(0), names.get(1), round[0] / round[1])));
      }
      List<Result> results = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        Map<String, long[]> merged = new HashMap<>();
        parts.get(k).forEach((key, arrays) -> {
          long[] all = arrays.stream().flatMapToLong(Arrays::stream).sorted().toArray();
          merged.put(key, all);
        });
        results.add(new Result(seconds[k], units[k], merged, "op", Map.of()));
      }
      return results;
    }

    /** Runs work for units [from, to) on the benchmark's threads, each unit on one thread. */
    private Result parallel(int from, int to, Work work) throws Exception {
      AtomicInteger next = new AtomicInteger(from);
      Map<String, ConcurrentLinkedQueue<Long>> series = new ConcurrentHashMap<>();
      Recorder rec = (name, nanos) -> series.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(nanos);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          running.add(pool.submit(() -> {
            for (int i; (i = next.getAndIncrement()) < to; ) {
              try {
                work.run(i, rec);
              } catch (Exception e) {
                throw new IllegalStateException("unit " + i + " failed", e);
              }
            }
            return null;
          }));
        }
        for (Future<?> f : running) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, long[]> sorted = new ConcurrentHashMap<>();
      series.forEach((k, v) -> {
        long[] a = v.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        sorted.put(k, a);
      });
      return new Result(seconds, to - from, sorted, "op", Map.of());
    }

    private void compare(String phase, String what, String unit, Result cascade, Result baseline) {
      long[] c = cascade.latencies();
      long[] b = baseline.latencies();
      double cRate = c.length / cascade.seconds();
      double bRate = b.length / baseline.seconds();
      if (c.length != b.length) {
        // per-directive units (A) against per-directive units: count units, not latencies
        cRate = cascade.units() / cascade.seconds();
        bRate = baseline.units() / baseline.seconds();
      }
      line("%s %s", phase, what);
      line("%s   %s: %d in %.1f s (cascade) / %d in %.1f s (baseline)", phase, unit, c.length, cascade.seconds(),
          b.length, baseline.seconds());
      if (cascade.name().equals("op")) {
        line("%s   throughput (%s/s): cascade %.1f, baseline %.1f, ratio %.2f (cascade takes %.2fx the time)", phase,
            unit, cRate, bRate, bRate / cRate, bRate / cRate);
      }
      for (double p : new double[] {0.50, 0.95, 0.99}) {
        double cp = percentile(c, p) / 1e6;
        double bp = percentile(b, p) / 1e6;
        line("%s   latency p%.0f (ms): cascade %.1f, baseline %.1f, ratio %.2f", phase, p * 100, cp, bp, cp / bp);
      }
    }

    private void roundTrips(String phase, String per, Map<String, Long> cascade, Map<String, Long> bare, int n) {
      double c = (double) SqlCounter.roundTrips(cascade) / n;
      double b = (double) SqlCounter.roundTrips(bare) / n;
      line("%s JDBC round trips per %s (a batch counts once): cascade %.1f, baseline %.1f, ratio %.2f", phase, per, c,
          b, c / b);
    }

    /**
     * Where a unit's time went: waiting on the driver (statements, batches, commits: PostgreSQL's work and the
     * round trip) and the rest (the JVM's work), per unit, summed over the threads, for each side.
     */
    private void driverTime(String phase, String per, Result cascade, Result baseline, Result floorResult, int n) {
      for (Result r : List.of(cascade, baseline, floorResult)) {
        String side = r == cascade ? "cascade" : r == baseline ? "baseline" : "floor";
        Map<String, Long> ns = SqlCounter.nanos(r.sql());
        double driver = ns.values().stream().mapToLong(Long::longValue).sum() / 1e6 / n;
        double wall = r.seconds() * 1e3 * threads / n;
        line("%s time per %s, %s: %.1f ms of thread time, %.1f ms in the driver (commits %.1f, batches %.1f,"
            + " statements alone %.1f), %.1f ms elsewhere", phase, per, side, wall, driver,
            ns.getOrDefault("commit", 0L) / 1e6 / n, ns.getOrDefault("batch", 0L) / 1e6 / n,
            driver - (ns.getOrDefault("commit", 0L) + ns.getOrDefault("batch", 0L)) / 1e6 / n, wall - driver);
        if (r == cascade) {
          ns.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(12)
              .forEach(e -> System.out.printf("    %8.2f ms  %s%n", e.getValue() / 1e6 / n, e.getKey()));
        }
      }
    }

    /**
     * {@code -Dbenchmark.explain=true}: the authorization rows per group, and the plans PostgreSQL uses for two
     * of the engine's lookups in a directive start, as prepared statements after their first executions (the
     * driver's plans): the grant lookup before a candidate group gets its task, and the load of a directive
     * instance's variables that the fan-out job runs (the engine's query, its select list shortened).
     */
    private void explainLookups() {
      try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery(
            "select group_id_, count(*) from act_ru_authorization group by group_id_ order by 2 desc limit 5")) {
          while (rs.next()) {
            line("auth rows: %s %d", rs.getString(1), rs.getLong(2));
          }
        }
        String directiveInstance;
        try (ResultSet rs = st.executeQuery("select e.id_ from act_ru_execution e join act_re_procdef d"
            + " on d.id_ = e.proc_def_id_ where d.key_ = 'directive' and e.parent_id_ is null limit 1")) {
          directiveInstance = rs.next() ? rs.getString(1) : "none";
        }
        explain(st, "grant lookup", "(int, varchar, int, varchar) as SELECT * FROM ACT_RU_AUTHORIZATION"
            + " WHERE TYPE_ = $1 AND GROUP_ID_ = $2 AND RESOURCE_TYPE_ = $3 AND RESOURCE_ID_ = $4",
            "1, '" + BARE_GROUP + "', 4, 'none'");
        explain(st, "variables of an execution", "(varchar) as SELECT RES.*, EXECUTION.ACT_INST_ID_"
            + " FROM ACT_RU_VARIABLE RES LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_"
            + " LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_"
            + " WHERE RES.EXECUTION_ID_ = $1 AND RES.TASK_ID_ is null", "'" + directiveInstance + "'");
      } catch (SQLException e) {
        line("explain failed: %s", e);
      }
    }

    private void explain(Statement st, String name, String prepared, String args) throws SQLException {
      String statement = name.replaceAll("\\W+", "_");
      st.execute("prepare " + statement + prepared);
      for (int i = 0; i < 6; i++) { // past the driver's prepare threshold and PostgreSQL's custom plans
        st.execute("execute " + statement + "(" + args + ")");
      }
      try (ResultSet rs = st.executeQuery("explain (analyze, buffers) execute " + statement + "(" + args + ")")) {
        while (rs.next()) {
          line("plan, %s: %s", name, rs.getString(1));
        }
      }
    }

    private void printTop(String title, Map<String, Long> counts, int per, int limit) {
      System.out.printf("  %s (%d kinds, top %d):%n", title, counts.size(), limit);
      counts.entrySet().stream().filter(e -> !e.getKey().startsWith("(")).sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .limit(limit).forEach(e -> System.out.printf("    %8.2f  %s%n", (double) e.getValue() / per, e.getKey()));
    }
  }

  private interface Recorder {
    void add(String series, long nanos);
  }

  private interface Work {
    void run(int unit, Recorder rec) throws Exception;
  }

  private record Result(double seconds, int units, Map<String, long[]> all, String name, Map<String, Long> sql) {
    long[] latencies() {
      return all.getOrDefault(name, new long[0]);
    }

    Result series(String other) {
      return new Result(seconds, units, all, other, sql);
    }

    Result withSql(Map<String, Long> counted) {
      return new Result(seconds, units, all, name, counted);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private void line(String format, Object... args) {
    String s = String.format(format, args);
    System.out.println(s);
    report.add(s);
  }

}
