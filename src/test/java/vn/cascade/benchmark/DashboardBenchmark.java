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
import vn.cascade.directive.DirectiveDraft;

/**
 * Not a test:
 * {@code mvn -Pbenchmark test-compile exec:java -Dbenchmark.main=vn.cascade.benchmark.DashboardBenchmark
 * [-Dbenchmark.assignments=10000] [-Dbenchmark.runs=20]}.
 * Seeds one issued directive with N open assignments straight into the tables (no processes), then
 * times GET /dashboard/directives/{id} and /dashboard/agencies over HTTP against the raw SQL
 * behind them (the directive's assignment rows; a count per agency), and prints median, p95 and
 * the ratio page / SQL.
 */
public final class DashboardBenchmark {

  private static final String USER = "bench-vp-ubnd";
  private static final String PASSWORD = "benchmark-only-password";
  private static final int WARM_UP = 5;

  public static void main(String[] args) throws Exception {
    int wanted = Integer.getInteger("benchmark.assignments", 10_000);
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
      long directiveId = seed(jdbc, app.getBean(JdbcTemplate.class), app.getBean(ObjectMapper.class), agencies, wanted);
      int seeded = jdbc.sql("select count(*) from cascade_assignment").query(Integer.class).single();
      System.out.printf("Seeded %d open assignments (1 directive, %d agencies) in %.1f s%n",
          seeded, agencies.size(), (System.nanoTime() - seedStart) / 1e9);

      HttpClient http = HttpClient.newHttpClient();
      String auth = "Basic " + Base64.getEncoder()
          .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      String base = "http://127.0.0.1:" + port;

      long[] directivePage = time(runs, () -> get(http, base + "/dashboard/directives/" + directiveId, auth));
      long[] directiveSql = time(runs, () -> jdbc.sql("select * from cascade_assignment where directive_id = ?")
          .param(directiveId).query().listOfRows().size());
      long[] agencyPage = time(runs, () -> get(http, base + "/dashboard/agencies", auth));
      long[] agencySql = time(runs, () -> jdbc.sql(
          "select agency_code, count(*) as c from cascade_assignment group by agency_code")
          .query().listOfRows().size());

      System.out.println();
      System.out.printf("%d measured runs after %d warm-up, %d assignments, times in ms%n", runs, WARM_UP, seeded);
      System.out.printf("%-46s %9s %9s%n", "", "median", "p95");
      line("GET /dashboard/directives/{id}", directivePage);
      line("  SQL: assignments of the directive", directiveSql);
      line("GET /dashboard/agencies", agencyPage);
      line("  SQL: count of assignments per agency", agencySql);
      System.out.printf("ratio page / SQL (median): directive %.0f, agencies %.0f%n",
          (double) median(directivePage) / median(directiveSql), (double) median(agencyPage) / median(agencySql));
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

  /** One ISSUED directive whose items are given to every agency, N assignments with mixed deadlines. */
  private static long seed(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json, List<Agency> agencies,
      int wanted) throws Exception {
    int items = (wanted + agencies.size() - 1) / agencies.size();
    LocalDate today = LocalDate.now();
    List<String> codes = agencies.stream().map(Agency::code).toList();
    List<DirectiveDraft.Item> list = new ArrayList<>();
    for (int i = 1; i <= items; i++) {
      list.add(new DirectiveDraft.Item(i, "Nhiệm vụ " + i, codes, List.of(),
          List.of(new DirectiveDraft.Bullet("Báo cáo kết quả thực hiện.", List.of()))));
    }
    LocalDate issued = today.minusDays(30);
    DirectiveDraft draft = new DirectiveDraft("9999/UBND-BENCH", issued, null, "UBND tỉnh", null, null, null,
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

  private static long[] time(int runs, Work work) {
    for (int i = 0; i < WARM_UP; i++) {
      work.run();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
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
    System.out.printf("%-46s %9.2f %9.2f%n", label, median(sorted) / 1e6, p95(sorted) / 1e6);
  }

  private DashboardBenchmark() {}
}
