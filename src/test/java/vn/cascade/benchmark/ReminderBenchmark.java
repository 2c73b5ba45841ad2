package vn.cascade.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cascade.CascadeApplication;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;

/**
 * Not a test: {@code mvn -Pbenchmark test-compile exec:java [-Dbenchmark.reminders=10000]}.
 * Sends N due reminders through the real path (timer job, async send job, outbox, SMTP to a
 * local GreenMail server) and, on the same engine, runs N no-op timer jobs as the baseline; prints
 * both and their ratio.
 */
public final class ReminderBenchmark {

  private static final int AGENCIES_PER_ITEM = 35; // all:department + all:district of Đồng Nai
  private static final int ITEMS_PER_DIRECTIVE = 10;

  public static void main(String[] args) {
    int wanted = Integer.getInteger("benchmark.reminders", 10_000);
    int smtpPort = Integer.getInteger("benchmark.smtpPort", 3125);
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    ConfigurableApplicationContext app = new SpringApplicationBuilder(CascadeApplication.class)
        .profiles("benchmark")
        .run("--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.admin-user.id=bench-admin",
            "--camunda.bpm.admin-user.password=benchmark-only-password",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort,
            "--logging.level.root=WARN",
            "--logging.level.vn.cascade=WARN");
    try {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      DirectiveService directives = app.getBean(DirectiveService.class);

      int items = (wanted + AGENCIES_PER_ITEM - 1) / AGENCIES_PER_ITEM;
      System.out.printf("Preparing %d assignments (%d directives)...%n", items * AGENCIES_PER_ITEM,
          (items + ITEMS_PER_DIRECTIVE - 1) / ITEMS_PER_DIRECTIVE);
      LocalDate issued = LocalDate.now().plusDays(30);
      int n = 0;
      for (int made = 0; made < items; made += ITEMS_PER_DIRECTIVE) {
        List<DirectiveDraft.Item> list = new ArrayList<>();
        for (int i = 1; i <= Math.min(ITEMS_PER_DIRECTIVE, items - made); i++) {
          list.add(new DirectiveDraft.Item(i, "Nhiệm vụ " + i, List.of("all:department", "all:district"), List.of(1),
              List.of(new DirectiveDraft.Bullet("Báo cáo kết quả thực hiện.", List.of()))));
        }
        directives.issue(new DirectiveDraft((9000 + ++n) + "/UBND-BENCH", issued, null, "UBND tỉnh", null, null, null,
            "Đo hiệu năng nhắc hạn", null, null, issued.plusDays(16), null, null, issued.plusDays(21), null, null,
            null, null, null, null, list, List.of(), null));
      }
      // Every assignment's first reminder falls due this morning: its plan says so.
      org.springframework.jdbc.core.simple.JdbcClient jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
      jdbc.sql("delete from cascade_chase where subject = 'ASSIGNMENT' and subject_id not in "
          + "(select id from cascade_assignment where directive_id in (select id from cascade_directive where number like '%/UBND-BENCH'))")
          .update();
      int count = jdbc.sql("update cascade_chase set fires_at = :now where subject = 'ASSIGNMENT'")
          .param("now", java.sql.Timestamp.from(java.time.Instant.now())).update();
      // Half of them are urgings, the 3rd of their assignment: the office's overdue list and the leadership's
      // escalation list each list those 5,000.
      int urgings = jdbc.sql("update cascade_chase set next_kind = 'URGING', next_seq = 3 where subject = 'ASSIGNMENT'"
          + " and mod(subject_id, 2) = 0").update();
      if (!app.getBean(vn.cascade.reminder.WorkingCalendar.class).isWorkingDay(LocalDate.now(vn.cascade.common.VnDates.ZONE))) {
        System.out.println("WARNING: today is not a working day in Asia/Ho_Chi_Minh: the morning run sends nothing");
      }
      Job morningTimer = engine.getManagementService().createJobQuery().timers()
          .processDefinitionKey(vn.cascade.reminder.MorningDigestProcess.KEY).singleResult();

      Duration reminders = time(() -> {
        ManagementService jobs = engine.getManagementService();
        jobs.executeJob(morningTimer.getId());
        for (int round = 0; round < 10; round++) {
          List<Job> left = jobs.createJobQuery().processDefinitionKey(vn.cascade.reminder.MorningDigestProcess.KEY)
              .messages().list();
          if (left.isEmpty()) {
            break;
          }
          for (Job job : left) {
            jobs.executeJob(job.getId());
          }
        }
        return null;
      });
      int delivered = smtp.getReceivedMessages().length;
      int digests = jdbc.sql("select count(*) from cascade_notification where subject_kind = 'DIGEST' and status = 'SENT'")
          .query(Integer.class).single();
      String kinds = jdbc.sql("select kind, count(*) as c from cascade_notification where subject_kind = 'DIGEST'"
          + " group by kind order by kind").query((rs, row) -> rs.getString("kind") + " " + rs.getInt("c")).list().toString();
      int covered = jdbc.sql("select count(*) from cascade_digest_item").query(Integer.class).single();

      List<Job> noOps = prepareNoOpTimers(engine, count);
      Duration baseline = time(() -> {
        for (Job timer : noOps) {
          engine.getManagementService().executeJob(timer.getId());
        }
        return null;
      });

      System.out.println();
      System.out.printf("morning digest, due items (timer + collect + send jobs + outbox + SMTP): %6d in %8.2f s  (%7.1f/s)%n",
          count, seconds(reminders), count / seconds(reminders));
      System.out.printf("  %d reminders and %d urgings (3rd); %d morning mails SENT %s covering %d lines, %d mails received"
          + " (one per recipient address)%n", count - urgings, urgings, digests, kinds, covered, delivered);
      System.out.printf("no-op timer jobs (baseline, same engine)             : %6d in %8.2f s  (%7.1f/s)%n",
          noOps.size(), seconds(baseline), noOps.size() / seconds(baseline));
      System.out.printf("ratio morning digest / no-op timers                   : %.2f%n", seconds(reminders) / seconds(baseline));
    } finally {
      app.close();
      smtp.stop();
    }
  }

  private static List<Job> prepareNoOpTimers(ProcessEngine engine, int count) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("benchmark-no-op-timer")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started")
        .intermediateCatchEvent("Event_Due").timerWithDate("2020-01-01T00:00:00")
        .endEvent("EndEvent_Done")
        .done();
    RepositoryService repository = engine.getRepositoryService();
    repository.createDeployment().addModelInstance("benchmark-no-op-timer.bpmn", model).deploy();
    RuntimeService runtime = engine.getRuntimeService();
    for (int i = 0; i < count; i++) {
      runtime.startProcessInstanceByKey("benchmark-no-op-timer");
    }
    return engine.getManagementService().createJobQuery().timers().activityId("Event_Due").list();
  }

  private static Duration time(Supplier<Void> work) {
    long start = System.nanoTime();
    work.get();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private ReminderBenchmark() {}
}
