package vn.cascade.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import vn.cascade.reminder.MorningDigestProcess;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveDraft;

/**
 * Issue 8, item 3: a node killed with SIGKILL while its reminder jobs run, after an agency
 * submitted a report, is started again on the same database; no task, report, reminder or outbox
 * entry is lost, and no notification is delivered twice.
 *
 * <p>Cascade runs here as a separate JVM ({@link CascadeNode}) on an embedded PostgreSQL, mailing
 * to GreenMail, and is driven only through its HTTP API (/api, /engine-rest) as its users would.
 * The test itself reads and, for set-up only, writes the database with plain JDBC: it makes the
 * reminder timers of its directives due now, since the node runs on the real clock.
 *
 * <p>"Sent twice" means: two deliveries of one notification with different Message-IDs, or a
 * second delivery of a notification whose outbox row is not marked {@code resent_after_doubt}. A
 * notification left in doubt by the dead node (the mail server accepted it, the node died before
 * writing SENT) is sent again with the same Message-ID: allowed, counted and printed.
 */
class CrashRecoveryTest {

  /**
   * Each directive gives its one item to every department and district: 35 assignments, so 69 reminders
   * (one agency reports instead). On a loaded 2-core machine they take about half a minute to send.
   */
  private static final int DIRECTIVES = 2;
  private static final String ISSUER = "vp-ubnd";
  private static final String AGENCY = "so-tp";
  private static final String REVIEWER = DirectiveDraft.DEFAULT_COLLECTING_AGENCY;
  private static final String PASSWORD = "demo"; // the demo profile's users
  private static final String DEMO_DIRECTIVE = "8888/UBND-THNC";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  private static final Duration WORK_TIMEOUT = Duration.ofSeconds(120);

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private CascadeNode node;
  private JdbcClient db;
  private long phaseStart = System.nanoTime();

  /** Prints how long the step just finished took. */
  private void phase(String done) {
    long now = System.nanoTime();
    System.out.printf("[crash] %-55s %6.1f s%n", done, (now - phaseStart) / 1e9);
    phaseStart = now;
  }

  /** One outbox row as the database holds it. */
  record Row(long id, String key, long subjectId, String kind, String status, int attempts, Timestamp sentAt,
      String messageId, String recipients, String cc, int resentAfterDoubt) {

    Set<String> addresses() {
      Set<String> all = new LinkedHashSet<>();
      for (String list : new String[] {recipients, cc}) {
        if (list != null && !list.isBlank()) {
          all.addAll(Arrays.asList(list.split(",\\s*")));
        }
      }
      return all;
    }
  }

  static {
    // Without Spring Boot's logging set-up, logback logs everything: keep GreenMail and PostgreSQL quiet.
    for (String noisy : List.of("com.icegreen", "io.zonky")) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  @Test
  void aNodeKilledWhileSendingRemindersLosesNothingAndDeliversNothingTwice() throws Exception {
    long started = System.nanoTime();
    Path work = Path.of("target", "crash-recovery").toAbsolutePath();
    Path data = work.resolve("postgres");
    deleteRecursively(data);
    Files.createDirectories(work);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).start()) {
      GreenMail smtp = new GreenMail(new ServerSetup(CascadeNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      // One connection for all the test's polling, not one per query.
      db = JdbcClient.create(new SingleConnectionDataSource(postgres.getPostgresDatabase().getConnection(), true));
      node = new CascadeNode("cascade", work, List.of(
          "--spring.profiles.active=postgres,demo",
          "--DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--DB_USER=postgres",
          "--DB_PASSWORD=",
          "--spring.mail.host=127.0.0.1",
          "--spring.mail.port=" + smtp.getSmtp().getPort(),
          // Jobs the dead node had locked are taken again 10 s after it locked them, outbox rows it had claimed
          // 10 s after it claimed them; a send that finds a row still held retries every 2 s. A restart takes
          // longer than that, and a live send on a loaded machine stays well within it.
          "--camunda.bpm.job-execution.lock-time-in-millis=10000",
          "--cascade.reminders.send-claim=PT10S",
          "--cascade.reminders.retry-cycle=R5/PT2S",
          "--cascade.reminders.digest-on-working-days-only=false",
          // An idle job executor looks for due jobs at least every second.
          "--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--logging.level.org.camunda.bpm.engine.jobexecutor=INFO"));
      try {
        run(smtp);
      } finally {
        node.close();
        smtp.stop();
        System.out.printf("[crash] whole test took %.1f s; node logs in %s%n",
            (System.nanoTime() - started) / 1e9, work);
      }
    }
  }

  private void run(GreenMail smtp) throws Exception {
    // --- First life of the node: the demo users and case, then our directives and one report.
    node.start(1);
    node.awaitHttp(START_TIMEOUT);
    await("the demo case is loaded", START_TIMEOUT,
        () -> get("/api/directives?number=" + URLEncoder.encode(DEMO_DIRECTIVE, StandardCharsets.UTF_8), ISSUER)
            .statusCode() == 200);
    phase("node started, demo case loaded");

    LocalDate today = LocalDate.now(VnDates.ZONE);
    List<Long> directiveIds = new ArrayList<>();
    for (int n = 1; n <= DIRECTIVES; n++) {
      HttpResponse<String> created = post("/api/directives", ISSUER, directive(n, today));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      directiveIds.add(json.readTree(created.body()).get("id").asLong());
    }
    await("every directive has its 35 assignments", WORK_TIMEOUT, () -> db.sql(
        "select count(*) from cascade_assignment where directive_id in (:ids) and process_instance_id is not null")
        .param("ids", directiveIds).query(Integer.class).single() == DIRECTIVES * 35);
    List<Long> assignmentIds = db.sql("select id from cascade_assignment where directive_id in (:ids) order by id")
        .param("ids", directiveIds).query(Long.class).list();
    await("every assignment has its chase plan", WORK_TIMEOUT,
        () -> chasePlans(assignmentIds) == assignmentIds.size());
    phase(DIRECTIVES + " directives issued, " + assignmentIds.size() + " assignments waiting");

    // Sở Tư pháp submits its report on the first directive, through the Camunda REST API as in Tasklist.
    JsonNode own = json.readTree(get("/api/directives/" + directiveIds.get(0), AGENCY).body()).get("assignments");
    assertThat(own).hasSize(1);
    long reported = own.get(0).get("id").asLong();
    String reportedProcess = own.get(0).get("processInstanceId").asText();
    String reportTask = singleTask(AGENCY, reportedProcess, AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertThat(post("/engine-rest/task/" + reportTask + "/claim", AGENCY, Map.of("userId", AGENCY)).statusCode())
        .isEqualTo(204);
    HttpResponse<String> submitted = post("/engine-rest/task/" + reportTask + "/submit-form", AGENCY,
        Map.of("variables", report()));
    assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);
    await("the report waits for review", WORK_TIMEOUT,
        () -> tasks(REVIEWER, reportedProcess, AgencyAssignmentProcess.TASK_REVIEW_REPORT).size() == 1);
    assertReportKept(reported, reportedProcess);
    phase("report submitted by " + AGENCY);

    Set<String> tasksBefore = openTasks();

    // Every assignment's first reminder (7 days before its deadline) becomes due now, and no other chase's; the
    // morning run's timer comes due: one digest per agency (Sở Tư pháp's lists only the assignment not in review).
    List<Long> chased = assignmentIds.stream().filter(id -> id != reported).toList();
    db.sql("update cascade_chase set fires_at = :later where subject = 'ASSIGNMENT' and subject_id not in (:ids)")
        .param("later", new Timestamp(System.currentTimeMillis() + 365L * 86_400_000)).param("ids", assignmentIds)
        .update();
    int due = db.sql("update cascade_chase set fires_at = :past where subject = 'ASSIGNMENT' and subject_id in (:ids)")
        .param("past", new Timestamp(System.currentTimeMillis() - 60_000)).param("ids", assignmentIds).update();
    assertThat(due).isEqualTo(assignmentIds.size());
    int agencies = 35;
    assertThat(db.sql("""
        update act_ru_job set duedate_ = :past
         where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = :timer)""")
        .param("past", new Timestamp(System.currentTimeMillis() - 60_000))
        .param("timer", MorningDigestProcess.START_EVENT).update()).isOne();

    // --- Kill the node while it sends: once a quarter of the reminders went out, before the last one did.
    long window = System.nanoTime();
    int killAt = agencies / 4;
    await("a quarter of the digests are sent", WORK_TIMEOUT, () -> {
      int sent = countOutbox(chased, "SENT");
      if (sent >= agencies) {
        fail("All " + sent + " digests went out before the kill: make the batch larger");
      }
      return sent >= killAt;
    });
    Timestamp killedAt = new Timestamp(System.currentTimeMillis());
    int lockedJobs = db.sql("select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ > :now")
        .param("now", killedAt).query(Integer.class).single();
    int exit = node.kill();
    assertThat(exit).as("exit code of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
    double sendingFor = (System.nanoTime() - window) / 1e9;

    Map<Long, Row> atKill = outbox(chased);
    int mailsAtKill = smtp.getReceivedMessages().length;
    long sentAtKill = atKill.values().stream().filter(r -> r.status().equals("SENT")).count();
    Map<String, Long> statusesAtKill = atKill.values().stream()
        .collect(Collectors.groupingBy(Row::status, java.util.TreeMap::new, Collectors.counting()));
    System.out.printf("[crash] SIGKILL after %.1f s of sending: %d of %d digests SENT, outbox rows by status %s, "
            + "%d not yet in the outbox, %d jobs locked by the node, %d mails received%n",
        sendingFor, sentAtKill, agencies, statusesAtKill, agencies - atKill.size(), lockedJobs, mailsAtKill);
    assertThat(sentAtKill).as("the kill came while digests were being sent").isLessThan(agencies);
    assertThat(lockedJobs).as("jobs the node had acquired when it was killed").isPositive();
    phase("reminders sending, then SIGKILL");

    // --- Second life: the same database. It finishes what the dead node left.
    node.start(2);
    node.awaitHttp(START_TIMEOUT);
    phase("node restarted");
    await("every digest is sent and no job of the morning run is left", WORK_TIMEOUT,
        () -> countOutbox(chased, "SENT") == agencies && pendingReminderJobs(chased) == 0);
    phase("the rest of the digests sent");

    // --- Nothing lost.
    assertThat(openTasks()).as("the open tasks after recovery are those before the kill").isEqualTo(tasksBefore);
    assertReportKept(reported, reportedProcess);
    assertThat(db.sql("select count(*) from act_ru_incident").query(Integer.class).single())
        .as("incidents").isZero();

    Map<Long, Row> after = outbox(chased);
    assertThat(after.keySet()).as("no outbox row is lost").containsAll(atKill.keySet());
    for (Row before : atKill.values()) {
      Row now = after.get(before.id());
      assertThat(now.key()).isEqualTo(before.key());
      if (before.status().equals("SENT")) {
        assertThat(now).as("a row SENT before the kill is not touched again").isEqualTo(before);
      }
    }
    // One digest per agency, listing each chased assignment once, nothing for the reported one.
    List<Row> rows = db.sql("select * from cascade_notification where subject_kind = 'DIGEST' order by id")
        .query(CrashRecoveryTest::row).list();
    assertThat(rows).hasSize(agencies).allSatisfy(r -> {
      assertThat(r.kind()).isEqualTo("DIGEST");
      assertThat(r.status()).isEqualTo("SENT");
    });
    assertThat(db.sql("select subject_id from cascade_digest_item where subject = 'ASSIGNMENT'").query(Long.class).list())
        .containsExactlyInAnyOrderElementsOf(chased);

    // --- Nothing delivered twice: per notification, one mail per recipient; a second one only for a row
    // in doubt, and then with the same Message-ID.
    Map<String, List<MimeMessage>> byMessageId = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      byMessageId.computeIfAbsent(messageId(m), k -> new ArrayList<>()).add(m);
    }
    Map<String, Row> rowByMessageId = rows.stream().collect(Collectors.toMap(Row::messageId, r -> r));
    assertThat(rowByMessageId.keySet()).as("every mail belongs to one of the notifications")
        .containsAll(byMessageId.keySet());
    int inDoubtRedeliveries = 0;
    int expectedMails = 0;
    for (Row r : rows) {
      List<MimeMessage> received = byMessageId.getOrDefault(r.messageId(), List.of());
      int recipients = r.addresses().size();
      expectedMails += recipients;
      if (received.size() == recipients) {
        continue;
      }
      assertThat(r.resentAfterDoubt()).as("notification %s was delivered %d times to %d recipients although it was "
          + "never in doubt", r.key(), received.size(), recipients).isPositive();
      assertThat(received.size()).as("deliveries of in-doubt notification %s", r.key())
          .isBetween(recipients, recipients * (1 + r.resentAfterDoubt()));
      int redelivered = (received.size() - recipients) / recipients;
      inDoubtRedeliveries += redelivered;
      System.out.printf("[crash] in-doubt redelivery: %s (Message-ID %s) delivered %d times to %d recipients, "
          + "resent_after_doubt=%d%n", r.key(), r.messageId(), received.size(), recipients, r.resentAfterDoubt());
    }
    int received = smtp.getReceivedMessages().length;
    assertThat(received).isGreaterThanOrEqualTo(expectedMails);
    int doubtful = (int) rows.stream().filter(r -> r.resentAfterDoubt() > 0).count();
    System.out.printf("[crash] %d digests, %d mails for %d recipient copies; rows resent after doubt: %d, "
        + "in-doubt redeliveries received: %d%n", rows.size(), received, expectedMails, doubtful, inDoubtRedeliveries);

    // --- And the work goes on: the reviewer accepts the report submitted before the crash.
    String review = singleTask(REVIEWER, reportedProcess, AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    assertThat(post("/engine-rest/task/" + review + "/claim", REVIEWER, Map.of("userId", REVIEWER)).statusCode())
        .isEqualTo(204);
    HttpResponse<String> accepted = post("/engine-rest/task/" + review + "/submit-form", REVIEWER, Map.of("variables",
        Map.of("reviewDecision", Map.of("value", AgencyAssignmentProcess.REVIEW_ACCEPT),
            "reviewComment", Map.of("value", "Đạt."))));
    assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 204);
    await("the accepted report is delivered to the collector", WORK_TIMEOUT,
        () -> db.sql("select count(*) from act_ru_execution where proc_inst_id_ = :p").param("p", reportedProcess)
            .query(Integer.class).single() == 0);
    assertThat(db.sql("select review_decision from cascade_report_version where assignment_id = :a")
        .param("a", reported).query(String.class).list()).containsExactly("ACCEPTED");
    assertThat(db.sql("select review_status from cascade_assignment where id = :a and reported_at is not null")
        .param("a", reported).query(String.class).list()).containsExactly("ACCEPTED");
    phase("checked, and the report accepted after the crash");
  }

  // --- The report submitted before the kill.

  private void assertReportKept(long assignment, String processInstance) {
    assertThat(db.sql("select count(*) from cascade_report_version where assignment_id = :a").param("a", assignment)
        .query(Integer.class).single()).as("report versions").isEqualTo(1);
    assertThat(db.sql("select report_json from cascade_report_version where assignment_id = :a")
        .param("a", assignment).query(String.class).single()).contains("Đã hoàn thành rà soát trước sự cố.");
    assertThat(db.sql("select submitted_at from cascade_assignment where id = :a").param("a", assignment)
        .query(Timestamp.class).single()).as("submitted_at").isNotNull();
    assertThat(db.sql("select review_status from cascade_assignment where id = :a").param("a", assignment)
        .query(String.class).single()).isEqualTo("IN_REVIEW");
    assertThat(tasks(AGENCY, processInstance, AgencyAssignmentProcess.TASK_REPORT_RESULTS)).as("report task").isEmpty();
    assertThat(tasks(REVIEWER, processInstance, AgencyAssignmentProcess.TASK_REVIEW_REPORT)).as("review task")
        .hasSize(1);
  }

  private static Map<String, Object> report() {
    Map<String, Object> v = new LinkedHashMap<>();
    Map<String, String> values = Map.of(
        AgencyAssignmentProcess.bulletResult(1).name(), "Đã rà soát toàn bộ văn bản.",
        AgencyAssignmentProcess.OVERALL_RESULT.name(), "Đã hoàn thành rà soát trước sự cố.",
        AgencyAssignmentProcess.DIFFICULTIES.name(), "Không có.",
        AgencyAssignmentProcess.PROPOSALS.name(), "Không có.",
        AgencyAssignmentProcess.COMPLETION_STATUS.name(), AgencyAssignmentProcess.STATUS_COMPLETED,
        AgencyAssignmentProcess.CONTACT_PERSON.name(), "Lê Thị Hồng",
        AgencyAssignmentProcess.CONTACT_PHONE.name(), "0251 3822 505");
    values.forEach((k, value) -> v.put(k, Map.of("value", value, "type", "String")));
    return v;
  }

  private static DirectiveDraft directive(int n, LocalDate issuedOn) {
    List<DirectiveDraft.Item> items = List.of(new DirectiveDraft.Item(1, "Rà soát văn bản",
        List.of("all:department", "all:district"), List.of(),
        List.of(new DirectiveDraft.Bullet("Rà soát các văn bản quy phạm pháp luật của đơn vị.", List.of()))));
    return new DirectiveDraft((7700 + n) + "/UBND-CRASH", issuedOn, "Đồng Nai", "Ủy ban nhân dân tỉnh Đồng Nai",
        "lanh-dao-ubnd", "Nguyễn Văn A", "Chủ tịch", "V/v thử nghiệm khôi phục sau sự cố " + n, List.of(), null,
        issuedOn.plusDays(16), null, "Báo cáo kết quả trước hạn.", issuedOn.plusDays(21), null, null, null, null,
        null, List.of(), items, List.of(), null);
  }

  // --- The database, read by the test.

  private int chasePlans(List<Long> assignmentIds) {
    return db.sql("select count(*) from cascade_chase where subject = 'ASSIGNMENT' and subject_id in (:ids)")
        .param("ids", assignmentIds).query(Integer.class).single();
  }

  /** Jobs of the morning run left: its collect and send jobs, and its timer if still due. */
  private int pendingReminderJobs(List<Long> assignments) {
    return db.sql("""
        select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
         where d.act_id_ in (:send, :collect) or (d.act_id_ = :timer and j.duedate_ <= :now)""")
        .param("send", MorningDigestProcess.TASK_SEND_DIGEST).param("collect", MorningDigestProcess.TASK_COLLECT_DIGESTS)
        .param("timer", MorningDigestProcess.START_EVENT).param("now", new Timestamp(System.currentTimeMillis()))
        .query(Integer.class).single();
  }

  private int countOutbox(List<Long> assignments, String status) {
    return db.sql("select count(*) from cascade_notification where subject_kind = 'DIGEST' and status = :s")
        .param("s", status).query(Integer.class).single();
  }

  private Map<Long, Row> outbox(List<Long> assignments) {
    Map<Long, Row> rows = new LinkedHashMap<>();
    db.sql("select * from cascade_notification where subject_kind = 'DIGEST' order by id")
        .query(CrashRecoveryTest::row).list().forEach(r -> rows.put(r.id(), r));
    return rows;
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(rs.getLong("id"), rs.getString("notification_key"), rs.getLong("subject_id"), rs.getString("kind"),
        rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("sent_at"), rs.getString("message_id"),
        rs.getString("recipients"), rs.getString("cc"), rs.getInt("resent_after_doubt"));
  }

  private Set<String> openTasks() {
    return new TreeSet<>(db.sql("select id_ from act_ru_task").query(String.class).list());
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- HTTP, as the users.

  private List<String> tasks(String user, String processInstance, String taskKey) {
    HttpResponse<String> r = get("/engine-rest/task?processInstanceId=" + processInstance + "&taskDefinitionKey="
        + taskKey + "&maxResults=50", user);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    try {
      json.readTree(r.body()).forEach(t -> ids.add(t.get("id").asText()));
    } catch (IOException e) {
      throw new IllegalStateException(r.body(), e);
    }
    return ids;
  }

  private String singleTask(String user, String processInstance, String taskKey) {
    List<String> found = tasks(user, processInstance, taskKey);
    assertThat(found).as("%s's %s in %s", user, taskKey, processInstance).hasSize(1);
    return found.get(0);
  }

  private HttpResponse<String> get(String path, String user) {
    return send(HttpRequest.newBuilder(node.uri(path)).GET(), user);
  }

  private HttpResponse<String> post(String path, String user, Object body) throws IOException {
    return send(HttpRequest.newBuilder(node.uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), user);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String user) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    try {
      return http.send(request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("HTTP to the node failed; its log:\n" + node.tail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("Timed out after " + timeout + " waiting until " + what + "; node log " + node.log() + ":\n" + node.tail());
      }
      if (!node.alive()) {
        fail("The node died while waiting until " + what + "; its log:\n" + node.tail());
      }
      Thread.sleep(50);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
