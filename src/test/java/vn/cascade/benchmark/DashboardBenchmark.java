package vn.cascade.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.cascade.CascadeApplication;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.dashboard.DashboardProbe;
import vn.cascade.directive.DirectiveDraft;

/**
 * Not a test:
 * {@code mvn -Pbenchmark test-compile exec:java -Dbenchmark.main=vn.cascade.benchmark.DashboardBenchmark
 * [-Dbenchmark.assignments=10000] [-Dbenchmark.agencyAssignments=10000] [-Dbenchmark.runs=20]}.
 * Seeds straight into the tables (no processes) one issued directive with N open assignments
 * spread over every agency, and a second one giving M more to a single agency; then times over
 * HTTP the directive's page (first page, last page, a bucket filter), that agency's page (first
 * and last) and the agency table, each beside the raw SQL behind it (every row of the directive;
 * every row of the agency; a count per agency), and prints median, p95 and the ratio page / SQL.
 * Beside each page it also times the page's data built in-process ({@link DashboardProbe}: the
 * queries and the Java, no HTTP, no Thymeleaf) and a static file over HTTP, which together tell
 * where a page's time goes. Targets are timed round-robin, so a busy machine weighs on all alike.
 */
public final class DashboardBenchmark {

  private static final String USER = "bench-vp-ubnd";
  private static final String PASSWORD = "benchmark-only-password";
  private static final int WARM_UP = 5;

  public static void main(String[] args) throws Exception {
    int wanted = Integer.getInteger("benchmark.assignments", 10_000);
    int heavy = Integer.getInteger("benchmark.agencyAssignments", 10_000);
    int runs = Integer.getInteger("benchmark.runs", 20);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(CascadeApplication.class)
        .profiles("benchmark")
        .run("--spring.datasource.url=jdbc:h2:mem:dashboard-benchmark;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.admin-user.id=bench-admin",
            "--camunda.bpm.admin-user.password=benchmark-only-password",
            "--logging.level.root=WARN",
            "--logging.level.vn.cascade=WARN");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      List<Agency> agencies = new ArrayList<>(app.getBean(AgencyDirectory.class).all());
      createManager(app.getBean(IdentityService.class));

      long seedStart = System.nanoTime();
      JdbcTemplate template = app.getBean(JdbcTemplate.class);
      ObjectMapper json = app.getBean(ObjectMapper.class);
      long directiveId = seed(jdbc, template, json, "9999/UBND-BENCH", agencies, wanted);
      Agency busiest = agencies.stream().filter(a -> a.code().equals("so-yt")).findFirst().orElse(agencies.get(0));
      String busy = busiest.code();
      seed(jdbc, template, json, "9998/UBND-BENCH", List.of(busiest), heavy);
      int seeded = jdbc.sql("select count(*) from cascade_assignment").query(Integer.class).single();
      int inDirective = count(jdbc, "directive_id = ?", directiveId);
      int ofAgency = count(jdbc, "agency_code = ?", busy);
      System.out.printf("Seeded %d open assignments in %.1f s: directive 9999/UBND-BENCH has %d over %d agencies;"
          + " %s has %d over 2 directives%n", seeded, (System.nanoTime() - seedStart) / 1e9, inDirective,
          agencies.size(), busy, ofAgency);

      HttpClient http = HttpClient.newHttpClient();
      String auth = "Basic " + Base64.getEncoder()
          .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      String base = "http://127.0.0.1:" + port;

      String directive = base + "/dashboard/directives/" + directiveId;
      String agency = base + "/dashboard/agencies/" + busy;
      int directiveLast = (inDirective + 99) / 100;
      int agencyLast = (ofAgency + 99) / 100;
      // Interleaved: each round times every target once, so that load from elsewhere on the
      // machine falls on pages and SQL alike and the ratios stay fair.
      long[][] t = time(runs,
          () -> get(http, directive, auth),
          () -> get(http, directive + "?page=" + directiveLast, auth),
          () -> get(http, directive + "?status=OPEN_OVERDUE&page=5", auth),
          () -> jdbc.sql("select * from cascade_assignment where directive_id = ?")
              .param(directiveId).query().listOfRows().size(),
          () -> DashboardProbe.directive(app, directiveId),
          () -> get(http, agency, auth),
          () -> get(http, agency + "?page=" + agencyLast, auth),
          () -> jdbc.sql("select * from cascade_assignment where agency_code = ?")
              .param(busy).query().listOfRows().size(),
          () -> DashboardProbe.agency(app, busy),
          () -> get(http, base + "/dashboard/agencies", auth),
          () -> jdbc.sql("select agency_code, count(*) as c from cascade_assignment group by agency_code")
              .query().listOfRows().size(),
          () -> get(http, base + "/cascade/dashboard.css", auth));
      long[] directivePage = t[0];
      long[] directiveLastPage = t[1];
      long[] directiveFiltered = t[2];
      long[] directiveSql = t[3];
      long[] directiveQuery = t[4];
      long[] agencyPage = t[5];
      long[] agencyLastPage = t[6];
      long[] agencySql = t[7];
      long[] agencyQuery = t[8];
      long[] agenciesPage = t[9];
      long[] agenciesSql = t[10];
      long[] staticFile = t[11];

      System.out.println();
      System.out.printf("%d measured rounds (interleaved) after %d warm-up, %d assignments, times in ms%n", runs,
          WARM_UP, seeded);
      System.out.printf("%-56s %9s %9s%n", "", "median", "p95");
      line("GET /dashboard/directives/{id}  (page 1 of " + directiveLast + ")", directivePage);
      line("GET /dashboard/directives/{id}?page=" + directiveLast, directiveLastPage);
      line("GET /dashboard/directives/{id}?status=OPEN_OVERDUE&page=5", directiveFiltered);
      line("  SQL: the directive's " + inDirective + " assignment rows", directiveSql);
      line("  in-process: the page's data, no HTTP, no template", directiveQuery);
      line("GET /dashboard/agencies/" + busy + "  (page 1 of " + agencyLast + ")", agencyPage);
      line("GET /dashboard/agencies/" + busy + "?page=" + agencyLast, agencyLastPage);
      line("  SQL: the agency's " + ofAgency + " assignment rows", agencySql);
      line("  in-process: the page's data, no HTTP, no template", agencyQuery);
      line("GET /dashboard/agencies", agenciesPage);
      line("  SQL: count of assignments per agency", agenciesSql);
      line("GET /cascade/dashboard.css (HTTP and login, no page)", staticFile);
      System.out.printf("page sizes: directive %d KB, agency %d KB%n", get(http, directive, auth) / 1024,
          get(http, agency, auth) / 1024);
      System.out.printf("load average of the machine (1 min) at the end: %.1f on %d cores%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      System.out.printf("ratio page / SQL (median): directive %.2f (last page %.2f), agency %.2f (last page %.2f),"
          + " agencies %.0f%n", ratio(directivePage, directiveSql), ratio(directiveLastPage, directiveSql),
          ratio(agencyPage, agencySql), ratio(agencyLastPage, agencySql), ratio(agenciesPage, agenciesSql));
    } finally {
      app.close();
    }
  }

  private static void createManager(IdentityService identity) {
    User user = identity.newUser(USER);
    user.setFirstName("Benchmark");
    user.setLastName("VP UBND");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    if (identity.createGroupQuery().groupId("vp-ubnd").singleResult() == null) {
      identity.saveGroup(identity.newGroup("vp-ubnd"));
    }
    identity.createMembership(USER, "vp-ubnd");
  }

  /** One ISSUED directive whose items are given to every agency given, N assignments with mixed deadlines. */
  private static long seed(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json, String number,
      List<Agency> agencies, int wanted) throws Exception {
    int items = (wanted + agencies.size() - 1) / agencies.size();
    LocalDate today = LocalDate.now();
    List<String> codes = agencies.stream().map(Agency::code).toList();
    List<DirectiveDraft.Item> list = new ArrayList<>();
    for (int i = 1; i <= items; i++) {
      list.add(new DirectiveDraft.Item(i, "Nhiệm vụ " + i, codes, List.of(),
          List.of(new DirectiveDraft.Bullet("Báo cáo kết quả thực hiện.", List.of()))));
    }
    LocalDate issued = today.minusDays(30);
    DirectiveDraft draft = new DirectiveDraft(number, issued, null, "UBND tỉnh", null, null, null,
        "Đo hiệu năng bảng theo dõi", null, null, today.plusDays(10), null, null, today.plusDays(15), null, null,
        null, null, null, null, list, List.of(), null);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into cascade_directive (number, status, issued_on, issuer, title, report_deadline, summary_deadline,
          collecting_agency, body_json, created_at)
        values (?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(draft.number(), draft.issuedOn(), draft.issuer(), draft.title(), draft.reportDeadline(),
            draft.summaryDeadline(), draft.collectingAgencyOrDefault(), json.writeValueAsString(draft),
            Timestamp.from(Instant.now()))
        .update(keys, "id");
    long directiveId = keys.getKey().longValue();

    List<Object[]> rows = new ArrayList<>(wanted);
    for (int n = 0; n < wanted; n++) {
      int item = n / agencies.size() + 1;
      String agency = codes.get(n % codes.size());
      // Open assignments: some overdue, some due within 3 days, most in time.
      Date deadline = Date.valueOf(today.plusDays((n % 10) - 2));
      rows.add(new Object[] {directiveId, item, agency, deadline, deadline});
    }
    template.batchUpdate("""
        insert into cascade_assignment (directive_id, item_number, agency_code, deadline, original_deadline)
        values (?, ?, ?, ?, ?)""", rows);
    return directiveId;
  }

  private static int count(JdbcClient jdbc, String where, Object key) {
    return jdbc.sql("select count(*) from cascade_assignment where " + where).param(key).query(Integer.class).single();
  }

  private static double ratio(long[] page, long[] sql) {
    return (double) median(page) / median(sql);
  }

  private static int get(HttpClient http, String url, String auth) {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return response.body().length;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private interface Work {
    int run();
  }

  /** Warms every target up, then times them round by round; each row of the answer sorted. */
  private static long[][] time(int runs, Work... works) {
    for (int i = 0; i < WARM_UP; i++) {
      for (Work work : works) {
        work.run();
      }
    }
    long[][] nanos = new long[works.length][runs];
    for (int i = 0; i < runs; i++) {
      for (int w = 0; w < works.length; w++) {
        long start = System.nanoTime();
        works[w].run();
        nanos[w][i] = System.nanoTime() - start;
      }
    }
    for (long[] row : nanos) {
      Arrays.sort(row);
    }
    return nanos;
  }

  private static long median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static long p95(long[] sorted) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)];
  }

  private static void line(String label, long[] sorted) {
    System.out.printf("%-56s %9.2f %9.2f%n", label, median(sorted) / 1e6, p95(sorted) / 1e6);
  }

  private DashboardBenchmark() {}
}
