package vn.cascade.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentDeadlines;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

/** Reminders, urgings and escalations, mailed to a real SMTP server (GreenMail), once each. */
class ReminderMailTest extends CascadeIntegrationTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(vn.cascade.TestSmtp.SETUP);

  static final String AGENCY = "so-tp";
  static final String SECOND_USER_MAIL = "tran.thi.lan@stp.dongnai.example";

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AssignmentDeadlines deadlines;
  @Autowired NotificationOutbox outbox;
  @Autowired MailComposer composer;
  @Autowired ReminderSettings settings;
  @Autowired JdbcClient jdbc;
  @Autowired ChasePlans plans;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void secondUserInTheAgency() {
    if (identityService.createUserQuery().userId("so-tp-lan").count() == 0) {
      User user = identityService.newUser("so-tp-lan");
      user.setFirstName("Trần Thị");
      user.setLastName("Lan");
      user.setEmail(SECOND_USER_MAIL);
      user.setPassword("mat-khau-thu-nghiem");
      identityService.saveUser(user);
      identityService.createMembership("so-tp-lan", AGENCY);
    }
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(VnDates.ZONE).toInstant();
  }

  private Assignment issueOn(LocalDate issuedOn, Instant now) {
    clock.set(now);
    Directive d = directives.issue(directive(issuedOn, AGENCY));
    return assignments.ofDirective(d.id()).get(0);
  }

  private Job nextNotificationTimer(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .filter(j -> ChaseProcess.TIMER_EVENTS.contains(managementService.createJobDefinitionQuery()
            .jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId()))
        .findFirst().orElse(null);
  }

  /** Moves the clock to the chase's next timer, fires it and runs the send job; returns when it was due. */
  private Instant fireNext(String processInstanceId) {
    Job timer = nextNotificationTimer(processInstanceId);
    assertThat(timer).as("a notification timer waits").isNotNull();
    Instant due = timer.getDuedate().toInstant();
    clock.set(due);
    managementService.executeJob(timer.getId());
    executeAsyncJobs();
    return due;
  }

  private List<MimeMessage> mails() {
    return Arrays.asList(smtp.getReceivedMessages());
  }

  private static List<String> recipients(MimeMessage m) throws Exception {
    return Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
  }

  private List<NotificationOutbox.Entry> outboxOf(Assignment a) {
    return outbox.ofSubject(ChaseSubject.ASSIGNMENT, a.id());
  }

  @Test
  void threeRemindersGoOutSevenThreeAndOneDaysBeforeTheDeadlineAndNoneAfterTheReport() throws Exception {
    LocalDate issued = LocalDate.of(2026, 12, 1);
    Assignment a = issueOn(issued, at(issued, 9, 0));
    Directive d = directives.get(a.directiveId());
    assertThat(a.deadline()).isEqualTo(LocalDate.of(2026, 12, 17));

    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 10), 8, 0));
    assertThat(mails()).hasSize(2); // one copy per recipient
    MimeMessage first = mails().get(0);
    assertThat(first.getSubject()).isEqualTo("[Nhắc hạn] Công văn " + d.number() + " — báo cáo trước 17/12/2026");
    assertThat(recipients(first)).containsExactlyInAnyOrder("so-tp@dongnai.example", SECOND_USER_MAIL);
    NotificationOutbox.Entry entry = outboxOf(a).get(0);
    String taskId = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS).getId();
    assertThat(entry.bodyText()).contains("Kính gửi: Sở Tư pháp", "trước ngày 17/12/2026", "còn 7 ngày",
        "Thực hiện nội dung thứ 1 của văn bản.", settings.tasklistBaseUrl() + "#/?task=" + taskId);
    assertThat(entry.bodyHtml()).contains("còn <span>7</span> ngày", "#/?task=" + taskId);
    assertThat(entry.status()).isEqualTo(NotificationOutbox.Status.SENT);

    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 14), 8, 0));
    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 16), 8, 0));
    assertThat(outboxOf(a)).extracting(NotificationOutbox.Entry::bodyText)
        .anySatisfy(t -> assertThat(t).contains("còn 3 ngày")).anySatisfy(t -> assertThat(t).contains("còn 1 ngày"));
    assertThat(mails()).hasSize(6);

    clock.set(at(LocalDate.of(2026, 12, 16), 10, 0));
    reportAndAccept(AGENCY, a.processInstanceId(), report("Xong."));
    assertThat(managementService.createJobQuery().processInstanceId(a.processInstanceId()).count()).isZero();
    assertThat(mails()).hasSize(6);
    assertThat(outboxOf(a)).hasSize(3).allSatisfy(e -> assertThat(e.kind()).isEqualTo(NotificationKind.REMINDER));
  }

  @Test
  void anAssignmentCreatedTwoDaysBeforeItsDeadlineGetsOnlyTheOneDayReminder() throws Exception {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 15), 9, 0));
    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 16), 8, 0));
    assertThat(outboxOf(a)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(NotificationKind.REMINDER);
      assertThat(e.sequence()).isEqualTo(1);
    });
    assertThat(nextNotificationTimer(a.processInstanceId()).getDuedate().toInstant())
        .isEqualTo(at(LocalDate.of(2026, 12, 17), 8, 0));
    assertThat(plans.find(ChaseSubject.ASSIGNMENT, a.id()).orElseThrow().next().kind())
        .isEqualTo(NotificationKind.URGING);
  }

  @Test
  void anOverdueReportIsUrgedEveryTwoWorkingDaysAndEscalatedAfterTheThirdUrging() throws Exception {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 16), 9, 0));
    Directive d = directives.get(a.directiveId());

    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 17), 8, 0));
    MimeMessage urging = mails().get(0);
    assertThat(urging.getSubject())
        .isEqualTo("[Đôn đốc] Công văn " + d.number() + " — báo cáo quá hạn từ 17/12/2026 (lần 1)");
    assertThat(recipients(urging)).contains("so-tp@dongnai.example", SECOND_USER_MAIL, "vp-ubnd@dongnai.example");
    assertThat(outboxOf(a).get(0).cc()).contains("vp-ubnd@dongnai.example");
    assertThat(outboxOf(a).get(0).bodyText()).contains("quá hạn 1 ngày", "đôn đốc lần 1");
    assertThat(jdbc.sql("select overdue_since from cascade_assignment where id = :id").param("id", a.id())
        .query(java.sql.Timestamp.class).single()).isNotNull();

    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 21), 8, 0));
    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 23), 8, 0));
    List<NotificationOutbox.Entry> sent = outboxOf(a);
    assertThat(sent).extracting(NotificationOutbox.Entry::kind).containsExactly(
        NotificationKind.URGING, NotificationKind.URGING, NotificationKind.URGING, NotificationKind.ESCALATION);
    NotificationOutbox.Entry escalation = sent.get(3);
    assertThat(escalation.recipients()).contains("lanh-dao-ubnd@dongnai.example");
    assertThat(escalation.subject()).isEqualTo("[Báo cáo lãnh đạo] Công văn " + d.number()
        + " — Sở Tư pháp chưa báo cáo sau 3 lần đôn đốc");
    assertThat(escalation.bodyText()).contains("Sở Tư pháp — nhiệm vụ 1 — hạn 17/12/2026 — quá hạn 7 ngày");
    assertThat(escalation.bodyHtml()).contains("<td>Sở Tư pháp</td>");

    assertThat(fireNext(a.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 25), 8, 0));
    assertThat(outboxOf(a)).hasSize(5);
    reportAndAccept(AGENCY, a.processInstanceId(), report("Muộn."));
    assertThat(nextNotificationTimer(a.processInstanceId())).isNull();
  }

  @Test
  void aReminderFallingOnAPublicHolidayMovesToThePreviousWorkingDay() {
    // Deadline trước 04/05/2026: three days before is 01/05 (holiday), and 30/04 is one too.
    Assignment a = issueOn(LocalDate.of(2026, 4, 18), at(LocalDate.of(2026, 4, 18), 9, 0));
    assertThat(a.deadline()).isEqualTo(LocalDate.of(2026, 5, 4));
    Instant seven = fireNext(a.processInstanceId());
    assertThat(seven.atZone(VnDates.ZONE).toLocalDate()).isBefore(LocalDate.of(2026, 4, 28));
    assertThat(nextNotificationTimer(a.processInstanceId()).getDuedate().toInstant())
        .isEqualTo(at(LocalDate.of(2026, 4, 29), 8, 0));
  }

  @Test
  void whenTheMailServerIsDownTheSendIsRetriedBecomesAnIncidentAndIsDeliveredExactlyOnceWhenItIsBack() {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0));
    Job timer = nextNotificationTimer(a.processInstanceId());
    clock.set(timer.getDuedate().toInstant());
    managementService.executeJob(timer.getId());
    Job send = managementService.createJobQuery().processInstanceId(a.processInstanceId()).messages().singleResult();
    assertThat(send.getRetries()).isEqualTo(5); // cascade.reminders.retry-cycle: R5/PT5M

    smtp.stop();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("Không gửi được thư");
    }
    Job failed = managementService.createJobQuery().jobId(send.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(a.processInstanceId()).count()).isEqualTo(1);
    assertThat(outboxOf(a)).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.FAILED);
      assertThat(e.attempts()).isEqualTo(5);
      assertThat(e.lastError()).isNotBlank();
    });
    // The agency's work was never touched.
    assertThat(taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS)).isNotNull();

    smtp.start();
    managementService.setJobRetries(send.getId(), 1); // what "Retry" in Cockpit does
    managementService.executeJob(send.getId());
    assertThat(mails()).hasSize(2);
    assertThat(outboxOf(a)).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(e.attempts()).isEqualTo(6);
    });
    assertThat(runtimeService.createIncidentQuery().processInstanceId(a.processInstanceId()).count()).isZero();
  }

  @Test
  void manyIncidentsLeftByAnOutageAreRetriedByTheOneRestCallTheReadmeGives() throws Exception {
    List<Assignment> both = List.of(issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0)),
        issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0)));
    smtp.stop();
    for (Assignment a : both) {
      Job timer = nextNotificationTimer(a.processInstanceId());
      clock.set(timer.getDuedate().toInstant());
      managementService.executeJob(timer.getId());
      Job send = managementService.createJobQuery().processInstanceId(a.processInstanceId()).messages().singleResult();
      for (int attempt = 1; attempt <= 5; attempt++) {
        assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("Không gửi được thư");
      }
      assertThat(runtimeService.createIncidentQuery().processInstanceId(a.processInstanceId()).count()).isOne();
    }
    smtp.start();

    // README, Operations: "POST /engine-rest/job/retries" as an administrator.
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var batch = http.withBasicAuth("admin", "admin").postForEntity("/engine-rest/job/retries",
        new org.springframework.http.HttpEntity<>("{\"retries\": 1, \"jobQuery\": {\"activityId\": \"Task_SendNotification\","
            + " \"noRetriesLeft\": true}}", headers), String.class);
    assertThat(batch.getStatusCode().value()).as(batch.getBody()).isEqualTo(200);
    executeAsyncJobs(); // the batch's jobs set the retries
    for (Assignment a : both) {
      assertThat(runtimeService.createIncidentQuery().processInstanceId(a.processInstanceId()).count()).isZero();
      // A failed send waits out its retry interval (5 minutes after its last attempt): let it pass.
      Job send = managementService.createJobQuery().processInstanceId(a.processInstanceId()).messages().singleResult();
      assertThat(send.getRetries()).isOne();
      managementService.setJobDuedate(send.getId(), new java.util.Date());
    }
    executeAsyncJobs();

    for (Assignment a : both) {
      assertThat(runtimeService.createIncidentQuery().processInstanceId(a.processInstanceId()).count()).isZero();
      NotificationOutbox.Entry sent = outboxOf(a).get(0);
      assertThat(sent.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(mails()).filteredOn(m -> messageIdOf(m).equals(sent.messageId())).hasSize(2); // agency + its second user
    }
  }

  private static String messageIdOf(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSendJobRunAgainAfterItsMailWentOutDoesNotSendItAgain() {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0));
    Job timer = nextNotificationTimer(a.processInstanceId());
    clock.set(timer.getDuedate().toInstant());
    managementService.executeJob(timer.getId());
    var send = managementService.createJobQuery().processInstanceId(a.processInstanceId()).messages().singleResult();
    ChasePlans.Plan sent = plans.find(ChaseSubject.ASSIGNMENT, a.id()).orElseThrow();
    managementService.executeJob(send.getId());
    assertThat(mails()).hasSize(2);

    // The same job again, as at-least-once execution may run it (its plan as it was): same notification, same key.
    plans.save(sent, true);
    runtimeService.createProcessInstanceModification(a.processInstanceId())
        .startBeforeActivity(ChaseProcess.TASK_SEND_NOTIFICATION)
        .execute();
    Job again = managementService.createJobQuery().processInstanceId(a.processInstanceId()).messages().singleResult();
    managementService.executeJob(again.getId());

    assertThat(mails()).hasSize(2);
    assertThat(outboxOf(a)).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(e.attempts()).isEqualTo(1);
    });
  }

  @Test
  void aNotificationAnotherNodeIsSendingIsNotSentMeanwhileAndOneLeftInDoubtByADeadNodeKeepsItsMessageId()
      throws Exception {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 5), 9, 0));
    NotificationSender sender = new NotificationSender(outbox, composer,
        new StaticListableBeanFactory(java.util.Map.of("mail", mailSender)).getBeanProvider(JavaMailSender.class),
        settings, clock);
    ChaseTarget chase = chaseTargets.resolve(ChaseSubject.ASSIGNMENT, a.id());
    String key = NotificationSender.key(chase, NotificationKind.REMINDER, 7);
    assertThat(sender.send(chase, NotificationKind.REMINDER, 7, clock.instant())).isTrue();
    assertThat(mails()).hasSize(2); // the agency and its second user
    String messageId = mails().get(0).getMessageID();
    assertThat(messageId).isEqualTo(NotificationSender.messageId(key));

    // Another node claimed the row and is (for all we know) talking to the mail server.
    Instant claimedUntil = clock.instant().plus(settings.sendClaim());
    jdbc.sql("update cascade_notification set status = 'SENDING', claimed_by = 'node-b', claimed_until = :until "
        + "where notification_key = :k").param("until", java.sql.Timestamp.from(claimedUntil)).param("k", key).update();
    assertThatThrownBy(() -> sender.send(chase, NotificationKind.REMINDER, 7, clock.instant()))
        .hasMessageContaining("đang được gửi").hasMessageContaining("node-b");
    assertThat(mails()).hasSize(2);

    // node-b died mid-send: once its claim has expired, the mail goes out again, as the same message.
    clock.set(claimedUntil.plusSeconds(1));
    assertThat(sender.send(chase, NotificationKind.REMINDER, 7, clock.instant())).isTrue();
    assertThat(mails()).hasSize(4).allSatisfy(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
    assertThat(outbox.find(key)).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(e.resentAfterDoubt()).isEqualTo(1);
    });
    assertThat(sender.send(chase, NotificationKind.REMINDER, 7, clock.instant())).isFalse();
    assertThat(mails()).hasSize(4);
  }

  @Test
  void anExtendedDeadlineRetimesTheRemindersAndTheTasksDueDate() throws Exception {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0));
    assertThat(nextNotificationTimer(a.processInstanceId()).getDuedate().toInstant())
        .isEqualTo(at(LocalDate.of(2026, 12, 10), 8, 0));

    deadlines.moveDeadline(a.id(), LocalDate.of(2026, 12, 24));

    assertThat(nextNotificationTimer(a.processInstanceId()).getDuedate().toInstant())
        .isEqualTo(at(LocalDate.of(2026, 12, 17), 8, 0));
    assertThat(taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS).getDueDate().toInstant())
        .isEqualTo(VnDates.dueBefore(LocalDate.of(2026, 12, 24)));
    fireNext(a.processInstanceId());
    assertThat(mails().get(0).getSubject()).endsWith("báo cáo trước 24/12/2026");
  }

  @Test
  void theCollectorsSummaryTaskIsRemindedBeforeItsOwnDeadline() throws Exception {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0));
    reportAndAccept(AGENCY, a.processInstanceId(), report("Xong."));
    Directive d = directives.get(a.directiveId());
    assertThat(taskOf(d.processInstanceId(), DirectiveProcess.TASK_COLLECT_REPORTS)).isNotNull();

    assertThat(fireNext(d.processInstanceId())).isEqualTo(at(LocalDate.of(2026, 12, 15), 8, 0));
    MimeMessage m = mails().get(0);
    assertThat(m.getSubject()).isEqualTo("[Nhắc hạn] Công văn " + d.number() + " — tổng hợp báo cáo trước 22/12/2026");
    assertThat(recipients(m)).contains("so-khdt@dongnai.example");
  }

  @Test
  void withoutAMailServerNotificationsAreKeptInTheOutboxAndShownOnItsPage() {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 5), 9, 0));
    NotificationSender noMail = new NotificationSender(outbox, composer,
        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), settings, clock);
    ChaseTarget chase = chaseTargets.resolve(ChaseSubject.ASSIGNMENT, a.id());

    assertThat(noMail.send(chase, NotificationKind.REMINDER, 7, clock.instant())).isTrue();
    assertThat(noMail.send(chase, NotificationKind.REMINDER, 7, clock.instant())).isFalse();
    assertThat(mails()).isEmpty();
    NotificationOutbox.Entry kept = outboxOf(a).get(0);
    assertThat(kept.status()).isEqualTo(NotificationOutbox.Status.KEPT);

    String page = http.withBasicAuth("vp-ubnd", "demo").getForObject("/outbox", String.class);
    assertThat(page).contains("Hộp thư đi", "lưu tại hệ thống", kept.subject());
  }

  @Autowired ChaseTargets chaseTargets;
  @Autowired JavaMailSender mailSender;
}
