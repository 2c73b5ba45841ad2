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
import vn.cascade.conclusion.PartyConclusionProcess;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

/**
 * The morning digest (one mail per agency and day, the office's overdue list, the leadership's escalation list) and the
 * collector's own reminders, mailed to a real SMTP server (GreenMail), once each.
 */
class ReminderMailTest extends CascadeIntegrationTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(vn.cascade.TestSmtp.SETUP);

  static final String AGENCY = "so-tp";
  static final String SECOND_USER_MAIL = "tran.thi.lan@stp.dongnai.example";

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AssignmentDeadlines deadlines;
  @Autowired vn.cascade.assignment.AssignmentTransfers transfers;
  @Autowired NotificationOutbox outbox;
  @Autowired DigestComposer digests;
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

  private List<MimeMessage> mails() {
    return Arrays.asList(smtp.getReceivedMessages());
  }

  private static List<String> recipients(MimeMessage m) throws Exception {
    return Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
  }

  private List<NotificationOutbox.Entry> outboxOf(Assignment a) {
    return outbox.ofSubject(ChaseSubject.ASSIGNMENT, a.id());
  }

  @BeforeEach
  void noOtherChaseIsDue() {
    // One database for the suite: other tests' assignments are not this test's mornings.
    jdbc.sql("delete from cascade_chase").update();
    // Nor their mornings: a digest's key (recipient, day) would stand for this test's.
    jdbc.sql("delete from cascade_digest_item").update();
    jdbc.sql("delete from cascade_notification where subject_kind = 'DIGEST'").update();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(MorningDigestProcess.KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "another test's morning"));
  }

  private Job morningTimer() {
    return managementService.createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).timers().singleResult();
  }

  /** 08:00 of that day: the morning run's timer fires and every job it leaves runs; returns its instance. */
  private String morning(LocalDate day) {
    clock.set(at(day, 8, 0));
    Job timer = morningTimer();
    assertThat(timer).as("the morning run's timer waits").isNotNull();
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MorningDigestProcess.KEY)
        .count();
    managementService.executeJob(timer.getId());
    executeAsyncJobs();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MorningDigestProcess.KEY)
        .count()).isEqualTo(before + 1);
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MorningDigestProcess.KEY)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
  }

  private List<NotificationOutbox.Entry> digests(NotificationKind kind, String recipient) {
    return outbox.recent(2000).stream().filter(e -> e.kind() == kind && e.key().contains(":" + recipient + ":"))
        .toList();
  }

  /** The messages that went to this address, one per Message-ID (GreenMail keeps a copy per recipient). */
  private List<MimeMessage> mailsTo(String address) {
    java.util.Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
    for (MimeMessage m : mails()) {
      try {
        if (recipients(m).contains(address)) {
          byId.putIfAbsent(m.getMessageID(), m);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(byId.values());
  }

  private Directive issue(LocalDate issuedOn, Instant now, String... agencies) {
    clock.set(now);
    return directives.issue(directive(issuedOn, agencies));
  }

  @Test
  void twoDirectivesDueTheSameMorningGiveTheAgencyOneMailListingBothAndAnAgencyWithNothingDueNoMail() throws Exception {
    LocalDate issued = LocalDate.of(2026, 12, 1);
    Directive first = issue(issued, at(issued, 9, 0), AGENCY);
    Directive second = issue(issued, at(issued, 10, 0), AGENCY);
    Directive later = issue(LocalDate.of(2026, 12, 3), at(LocalDate.of(2026, 12, 3), 9, 0), "so-yt");

    morning(LocalDate.of(2026, 12, 9));
    assertThat(mails()).as("nothing is due on 09/12").isEmpty();

    morning(LocalDate.of(2026, 12, 10));
    assertThat(mails()).hasSize(2); // one message, the agency's address and its second user
    MimeMessage m = mails().get(0);
    assertThat(m.getSubject()).isEqualTo("[Cascade] 2 việc sắp đến hạn — 10/12/2026");
    assertThat(recipients(m)).containsExactlyInAnyOrder("so-tp@dongnai.example", SECOND_USER_MAIL);
    assertThat(mailsTo("so-yt@dongnai.example")).as("Sở Y tế has nothing due").isEmpty();
    NotificationOutbox.Entry digest = digests(NotificationKind.DIGEST, AGENCY).stream().findFirst().orElseThrow();
    String firstTask = taskOf(assignments.ofDirective(first.id()).get(0).processInstanceId(),
        AgencyAssignmentProcess.TASK_REPORT_RESULTS).getId();
    assertThat(digest.bodyText()).contains("Kính gửi: Sở Tư pháp", "Công văn " + first.number(),
        "Công văn " + second.number(), "trước ngày 17/12/2026", "còn 7 ngày",
        settings.tasklistBaseUrl() + "#/?task=" + firstTask);
    assertThat(digest.bodyHtml()).contains("còn <span>7</span> ngày", "#/?task=" + firstTask);
    assertThat(digest.status()).isEqualTo(NotificationOutbox.Status.SENT);
    // Kept for the README's picture of one mail (docs/digest-mail.png is rendered from it).
    java.nio.file.Path sample = java.nio.file.Path.of("target", "mail-samples", "digest.html");
    java.nio.file.Files.createDirectories(sample.getParent());
    java.nio.file.Files.writeString(sample, digest.bodyHtml());
    assertThat(outbox.itemsOf(List.of(digest.id())).get(digest.id())).hasSize(2)
        .allSatisfy(i -> assertThat(i.kind()).isEqualTo(NotificationKind.REMINDER));
    assertThat(digests(NotificationKind.OVERDUE_LIST, "vp-ubnd")).as("nothing is overdue").isEmpty();

    morning(LocalDate.of(2026, 12, 11)); // Sở Y tế's 7-day reminder: 12/12 is a Saturday
    assertThat(mails()).hasSize(3);
    assertThat(mailsTo("so-yt@dongnai.example")).singleElement()
        .satisfies(y -> assertThat(y.getSubject()).isEqualTo("[Cascade] 1 việc sắp đến hạn — 11/12/2026"));
    assertThat(later.number()).isNotBlank();

    // The report ends its chase: only the other directive's item is left on 14/12.
    clock.set(at(LocalDate.of(2026, 12, 11), 10, 0));
    reportAndAccept(AGENCY, assignments.ofDirective(first.id()).get(0).processInstanceId(), report("Xong."));
    morning(LocalDate.of(2026, 12, 14));
    NotificationOutbox.Entry third = digests(NotificationKind.DIGEST, AGENCY).get(0);
    assertThat(third.subject()).isEqualTo("[Cascade] 1 việc sắp đến hạn — 14/12/2026");
    assertThat(third.bodyText()).contains(second.number(), "còn 3 ngày").doesNotContain(first.number());
  }

  @Test
  void theOfficeGetsOneOverdueListAndTheThirdUrgingOneEscalationMail() throws Exception {
    LocalDate issued = LocalDate.of(2026, 12, 1);
    Instant start = at(LocalDate.of(2026, 12, 16), 9, 0); // the 1-day reminder (16/12 08:00) is already past
    Directive d = issue(issued, start, AGENCY, "so-yt");
    List<Assignment> both = assignments.ofDirective(d.id());

    morning(LocalDate.of(2026, 12, 17));
    NotificationOutbox.Entry urging = digests(NotificationKind.DIGEST, AGENCY).get(0);
    assertThat(urging.subject()).isEqualTo("[Cascade] 1 việc quá hạn — 17/12/2026");
    assertThat(urging.cc()).isEmpty();
    assertThat(urging.bodyText()).contains("quá hạn 1 ngày, đôn đốc lần 1");
    assertThat(digests(NotificationKind.DIGEST, "so-yt")).hasSize(1);
    assertThat(digests(NotificationKind.OVERDUE_LIST, "vp-ubnd")).singleElement().satisfies(o -> {
      assertThat(o.subject()).isEqualTo("[Cascade] Danh sách quá hạn: 2 việc — 17/12/2026");
      assertThat(o.recipients()).contains("vp-ubnd@dongnai.example");
      assertThat(o.bodyText()).contains("Sở Tư pháp — Nhiệm vụ 1 — hạn 17/12/2026 — quá hạn 1 ngày — đôn đốc 1 lần",
          "Sở Y tế — Nhiệm vụ 2");
    });
    assertThat(mailsTo("vp-ubnd@dongnai.example")).hasSize(1);
    assertThat(jdbc.sql("select overdue_since from cascade_assignment where id = :id").param("id", both.get(0).id())
        .query(java.sql.Timestamp.class).single()).isNotNull();

    morning(LocalDate.of(2026, 12, 18)); // no urging due: the office still gets its list
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).hasSize(1);
    assertThat(digests(NotificationKind.OVERDUE_LIST, "vp-ubnd")).hasSize(2);

    morning(LocalDate.of(2026, 12, 21));
    assertThat(digests(NotificationKind.ESCALATION_LIST, "lanh-dao-ubnd")).isEmpty();
    morning(LocalDate.of(2026, 12, 23));
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).hasSize(3);
    assertThat(digests(NotificationKind.ESCALATION_LIST, "lanh-dao-ubnd")).singleElement().satisfies(e -> {
      assertThat(e.subject()).isEqualTo("[Cascade] Báo cáo lãnh đạo: 2 việc chưa báo cáo sau 3 lần đôn đốc — 23/12/2026");
      assertThat(e.recipients()).contains("lanh-dao-ubnd@dongnai.example");
      assertThat(e.cc()).contains("vp-ubnd@dongnai.example");
      assertThat(e.bodyText()).contains("Sở Tư pháp — Nhiệm vụ 1 — hạn 17/12/2026 — quá hạn 7 ngày", "Sở Y tế");
    });
    assertThat(mailsTo("lanh-dao-ubnd@dongnai.example")).hasSize(1);

    morning(LocalDate.of(2026, 12, 25)); // the 4th urging: no second escalation
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).hasSize(4);
    assertThat(digests(NotificationKind.ESCALATION_LIST, "lanh-dao-ubnd")).hasSize(1);

    clock.set(at(LocalDate.of(2026, 12, 25), 10, 0));
    for (Assignment a : both) {
      reportAndAccept(a.agencyCode(), a.processInstanceId(), report("Muộn."));
    }
    morning(LocalDate.of(2026, 12, 28));
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).as("everything reported: no digest").hasSize(4);
    assertThat(jdbc.sql("select body_text from cascade_notification where digest_day = :d")
        .param("d", java.sql.Date.valueOf(LocalDate.of(2026, 12, 28))).query(String.class).list())
        .as("everything reported: only the collector's summary, now due, is still chased")
        .allSatisfy(t -> assertThat(t).contains("Tổng hợp báo cáo").doesNotContain("Nhiệm vụ"));
  }

  @Test
  void aHolidayMovesTheDigestsItemsAsItMovesReminders() {
    // Deadline trước 04/05/2026: three days before is 01/05 (holiday), and 30/04 is one too.
    Directive d = issue(LocalDate.of(2026, 4, 18), at(LocalDate.of(2026, 4, 18), 9, 0), AGENCY);
    Assignment a = assignments.ofDirective(d.id()).get(0);
    assertThat(a.deadline()).isEqualTo(LocalDate.of(2026, 5, 4));
    ChasePlans.Plan plan = plans.find(ChaseSubject.ASSIGNMENT, a.id()).orElseThrow();
    LocalDate seven = plan.next().at().atZone(VnDates.ZONE).toLocalDate();
    assertThat(seven).isBefore(LocalDate.of(2026, 4, 28));
    morning(seven);
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).hasSize(1);
    assertThat(plans.find(ChaseSubject.ASSIGNMENT, a.id()).orElseThrow().next().at())
        .isEqualTo(at(LocalDate.of(2026, 4, 29), 8, 0));
    morning(LocalDate.of(2026, 4, 30)); // a holiday: the run sends nothing
    morning(LocalDate.of(2026, 4, 29));
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).hasSize(2).first()
        .satisfies(e -> assertThat(e.bodyText()).contains("còn 5 ngày"));
  }

  @Test
  void anExtensionTakesItsItemOutOfTheNextDigestAndPutsItOnTheNewDeadlinesDays() throws Exception {
    Directive d = issue(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0), AGENCY);
    Assignment a = assignments.ofDirective(d.id()).get(0);
    clock.set(at(LocalDate.of(2026, 12, 9), 15, 0));
    deadlines.moveDeadline(a.id(), LocalDate.of(2026, 12, 24));
    assertThat(taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS).getDueDate().toInstant())
        .isEqualTo(VnDates.dueBefore(LocalDate.of(2026, 12, 24)));

    morning(LocalDate.of(2026, 12, 10));
    assertThat(mails()).isEmpty();
    morning(LocalDate.of(2026, 12, 17));
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).singleElement()
        .satisfies(e -> assertThat(e.bodyText()).contains("trước ngày 24/12/2026", "còn 7 ngày"));
  }

  @Test
  void aTransferredAssignmentIsRemindedToTheAgencyThatHasItNow() throws Exception {
    Directive d = issue(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0), AGENCY);
    Assignment a = assignments.ofDirective(d.id()).get(0);
    clock.set(at(LocalDate.of(2026, 12, 9), 15, 0));
    transfers.move(a.id(), "so-ngv", null, "Sáp nhập: thử.", AgencyAssignmentProcess.TRANSFER_MERGER, null, "admin");

    morning(LocalDate.of(2026, 12, 10));
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).as("the old agency is not reminded").isEmpty();
    assertThat(digests(NotificationKind.DIGEST, "so-ngv")).singleElement()
        .satisfies(e -> assertThat(e.bodyText()).contains("Công văn " + d.number(), "trước ngày 17/12/2026"));
    assertThat(mailsTo("so-ngv@dongnai.example")).hasSize(1);
  }

  @Test
  void aMorningRunAgainOrASendJobRunAgainSendsNothingTwice() {
    Directive d = issue(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0), AGENCY);
    Assignment a = assignments.ofDirective(d.id()).get(0);
    ChasePlans.Plan before = plans.find(ChaseSubject.ASSIGNMENT, a.id()).orElseThrow();
    morning(LocalDate.of(2026, 12, 10));
    assertThat(mails()).hasSize(2);
    NotificationOutbox.Entry digest = digests(NotificationKind.DIGEST, AGENCY).get(0);

    // The same morning again, as a collect job re-acquired after its lock expired would see it: its plan as it was.
    plans.save(before, true);
    runtimeService.startProcessInstanceByKey(MorningDigestProcess.KEY);
    executeAsyncJobs();
    assertThat(mails()).hasSize(2);
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).hasSize(1);

    // A send job run again after its mail went out.
    assertThat(sender.sendWritten(digest.id())).isFalse();
    assertThat(mails()).hasSize(2);
    assertThat(outbox.find(digest.id())).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(e.attempts()).isEqualTo(1);
    });
  }

  @Test
  void whenTheMailServerIsDownTheDigestIsRetriedBecomesAnIncidentAndIsDeliveredExactlyOnceWhenItIsBack() {
    issue(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0), AGENCY);
    clock.set(at(LocalDate.of(2026, 12, 10), 8, 0));
    managementService.executeJob(morningTimer().getId());
    Job collect = managementService.createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).messages()
        .singleResult();
    managementService.executeJob(collect.getId());
    Job send = managementService.createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).messages()
        .singleResult();
    assertThat(send.getRetries()).isEqualTo(5); // cascade.reminders.retry-cycle: R5/PT5M

    smtp.stop();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("Không gửi được thư");
    }
    assertThat(managementService.createJobQuery().jobId(send.getId()).singleResult().getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(send.getProcessInstanceId()).count()).isEqualTo(1);
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.FAILED);
      assertThat(e.attempts()).isEqualTo(5);
      assertThat(e.lastError()).isNotBlank();
    });

    smtp.start();
    managementService.setJobRetries(send.getId(), 1); // what "Retry" in Cockpit does
    managementService.executeJob(send.getId());
    assertThat(mails()).hasSize(2);
    assertThat(digests(NotificationKind.DIGEST, AGENCY)).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(e.attempts()).isEqualTo(6);
    });
    assertThat(runtimeService.createIncidentQuery().processInstanceId(send.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void manyIncidentsLeftByAnOutageAreRetriedByTheOneRestCallTheReadmeGives() throws Exception {
    issue(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0), AGENCY, "so-yt");
    smtp.stop();
    clock.set(at(LocalDate.of(2026, 12, 10), 8, 0));
    managementService.executeJob(morningTimer().getId());
    for (int round = 0; round < 6; round++) {
      for (Job j : managementService.createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).messages()
          .withRetriesLeft().list()) {
        try {
          managementService.executeJob(j.getId());
        } catch (RuntimeException expected) {
          // the mail server is down
        }
      }
    }
    String pi = managementService.createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).messages().list()
        .get(0).getProcessInstanceId();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isEqualTo(2);
    smtp.start();

    // README, Operations: "POST /engine-rest/job/retries" as an administrator.
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var batch = http.withBasicAuth("admin", "admin").postForEntity("/engine-rest/job/retries",
        new org.springframework.http.HttpEntity<>("{\"retries\": 1, \"jobQuery\": {\"activityId\": \""
            + MorningDigestProcess.TASK_SEND_DIGEST + "\", \"noRetriesLeft\": true}}", headers), String.class);
    assertThat(batch.getStatusCode().value()).as(batch.getBody()).isEqualTo(200);
    executeAsyncJobs(); // the batch's jobs set the retries
    for (Job send : managementService.createJobQuery().processInstanceId(pi).messages().list()) {
      assertThat(send.getRetries()).isOne();
      managementService.setJobDuedate(send.getId(), new java.util.Date());
    }
    executeAsyncJobs();

    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
    for (String agency : List.of(AGENCY, "so-yt")) {
      NotificationOutbox.Entry sent = digests(NotificationKind.DIGEST, agency).get(0);
      assertThat(sent.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(mails()).filteredOn(m -> messageIdOf(m).equals(sent.messageId())).isNotEmpty();
    }
    assertThat(mails()).hasSize(3); // so-tp and its second user, so-yt
  }

  @Test
  void theOutboxPageListsEachDigestWithWhatItCovered() {
    Directive d = issue(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0), AGENCY);
    Assignment a = assignments.ofDirective(d.id()).get(0);
    morning(LocalDate.of(2026, 12, 10));
    NotificationOutbox.Entry digest = digests(NotificationKind.DIGEST, AGENCY).get(0);
    String page = http.withBasicAuth("vp-ubnd", "demo").getForObject("/outbox", String.class);
    assertThat(page).contains("Hộp thư đi", digest.subject(), "/dashboard/assignments/" + a.id(), "còn 7 ngày");
    String report = http.withBasicAuth("vp-ubnd", "demo").getForObject("/dashboard/assignments/" + a.id(), String.class);
    assertThat(report).contains(digest.subject());
  }

  @Autowired NotificationSender sender;

  private static String messageIdOf(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNotificationAnotherNodeIsSendingIsNotSentMeanwhileAndOneLeftInDoubtByADeadNodeKeepsItsMessageId()
      throws Exception {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 5), 9, 0));
    NotificationSender sender = new NotificationSender(outbox,
        new StaticListableBeanFactory(java.util.Map.of("mail", mailSender)).getBeanProvider(JavaMailSender.class),
        settings, clock);
    String key = "test-digest:" + a.id();
    long id = writtenDigest(a, key);
    assertThat(sender.sendWritten(id)).isTrue();
    assertThat(mails()).hasSize(2); // the agency and its second user
    String messageId = mails().get(0).getMessageID();
    assertThat(messageId).isEqualTo(NotificationSender.messageId(key));

    // Another node claimed the row and is (for all we know) talking to the mail server.
    Instant claimedUntil = clock.instant().plus(settings.sendClaim());
    jdbc.sql("update cascade_notification set status = 'SENDING', claimed_by = 'node-b', claimed_until = :until "
        + "where notification_key = :k").param("until", java.sql.Timestamp.from(claimedUntil)).param("k", key).update();
    assertThatThrownBy(() -> sender.sendWritten(id))
        .hasMessageContaining("đang được gửi").hasMessageContaining("node-b");
    assertThat(mails()).hasSize(2);

    // node-b died mid-send: once its claim has expired, the mail goes out again, as the same message.
    clock.set(claimedUntil.plusSeconds(1));
    assertThat(sender.sendWritten(id)).isTrue();
    assertThat(mails()).hasSize(4).allSatisfy(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
    assertThat(outbox.find(key)).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(NotificationOutbox.Status.SENT);
      assertThat(e.resentAfterDoubt()).isEqualTo(1);
    });
    assertThat(sender.sendWritten(id)).isFalse();
    assertThat(mails()).hasSize(4);
  }

  /** Writes a morning digest of the assignment's agency as the morning run does, without sending it. */
  private long writtenDigest(Assignment a, String key) {
    LocalDate day = clock.instant().atZone(VnDates.ZONE).toLocalDate();
    var line = digests.line(a, directives.get(a.directiveId()), NotificationKind.REMINDER, 7, 0, "http://localhost/");
    Mail mail = digests.agencyDigest(a.agencyCode(), day, List.of(line));
    return outbox.insertDigest(key, NotificationKind.DIGEST, a.agencyCode(), day, mail, clock.instant(),
        clock.instant(), NotificationSender.messageId(key), List.of(new NotificationOutbox.DigestItem(
            ChaseSubject.ASSIGNMENT, a.id(), NotificationKind.REMINDER, 1, a.deadline(), 7, 0)));
  }

  @Test
  void theCollectorsSummaryIsInItsMorningDigestBesideItsOwnReportAndItsUrgingInTheOfficesList() throws Exception {
    // Directive A asks Sở Tư pháp, which reports at once: its summary (Sở KH&ĐT) is due before 22/12, reminded
    // on 15/12. Directive B asks Sở KH&ĐT itself for a report due before 22/12: reminded on 15/12 too.
    Directive a = issue(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 1), 9, 0), AGENCY);
    reportAndAccept(AGENCY, assignments.ofDirective(a.id()).get(0).processInstanceId(), report("Xong."));
    String collect = taskOf(a.processInstanceId(), DirectiveProcess.TASK_COLLECT_REPORTS).getId();
    assertThat(plans.find(ChaseSubject.SUMMARY, a.id())).get()
        .satisfies(p -> assertThat(p.next().at()).isEqualTo(at(LocalDate.of(2026, 12, 15), 8, 0)));
    Directive b = issue(LocalDate.of(2026, 12, 6), at(LocalDate.of(2026, 12, 6), 9, 0), "so-khdt");

    morning(LocalDate.of(2026, 12, 15));
    assertThat(mailsTo("so-khdt@dongnai.example")).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).isEqualTo("[Cascade] 2 việc sắp đến hạn — 15/12/2026");
    });
    NotificationOutbox.Entry digest = digests(NotificationKind.DIGEST, "so-khdt").get(0);
    assertThat(digest.bodyText()).contains("Công văn " + a.number(), "- Tổng hợp báo cáo của các cơ quan — trước ngày "
        + "22/12/2026 — còn 7 ngày", "#/?task=" + collect, "Công văn " + b.number(), "- Nhiệm vụ 1: Giao so-khdt");
    assertThat(outbox.itemsOf(List.of(digest.id())).get(digest.id()))
        .extracting(NotificationOutbox.DigestItem::subject)
        .containsExactlyInAnyOrder(ChaseSubject.SUMMARY, ChaseSubject.ASSIGNMENT);
    assertThat(http.withBasicAuth("vp-ubnd", "demo").getForObject("/outbox", String.class))
        .contains("/dashboard/directives/" + a.id(), "Tổng hợp báo cáo (văn bản #" + a.id() + ")");

    // Late: Sở KH&ĐT is urged in its digest and the office lists the summary among what is overdue. No morning
    // ran on 21/12: that day's reminder is not sent a day late as "còn 0 ngày"; the urging stands in for it.
    clock.set(at(LocalDate.of(2026, 12, 21), 9, 0));
    reportAndAccept("so-khdt", assignments.ofDirective(b.id()).get(0).processInstanceId(), report("Xong."));
    morning(LocalDate.of(2026, 12, 22));
    assertThat(digests(NotificationKind.DIGEST, "so-khdt").get(0).bodyText())
        .contains("Tổng hợp báo cáo của các cơ quan — trước ngày 22/12/2026 — quá hạn 1 ngày, đôn đốc lần 1")
        .doesNotContain("còn 0 ngày");
    morning(LocalDate.of(2026, 12, 24));
    assertThat(digests(NotificationKind.OVERDUE_LIST, "vp-ubnd").get(0).bodyText())
        .contains("Sở Kế hoạch và Đầu tư — Tổng hợp báo cáo — hạn 22/12/2026 — quá hạn 3 ngày — đôn đốc 2 lần");
    morning(LocalDate.of(2026, 12, 28));
    assertThat(digests(NotificationKind.ESCALATION_LIST, "lanh-dao-ubnd")).singleElement()
        .satisfies(e -> assertThat(e.bodyText()).contains("Sở Kế hoạch và Đầu tư — Tổng hợp báo cáo — hạn 22/12/2026"));

    // Submitting the summary ends its chase: nothing more for Sở KH&ĐT.
    clock.set(at(LocalDate.of(2026, 12, 28), 10, 0));
    driver().uploadSummaryDocument(a.processInstanceId(), "so-khdt");
    completeAs("so-khdt", taskService.createTaskQuery().taskId(collect).singleResult(),
        java.util.Map.of("summaryNumber", "200/BC-SKHĐT", "summaryText", "Đã tổng hợp."));
    assertThat(plans.find(ChaseSubject.SUMMARY, a.id())).isEmpty();
    // (B, reported on 21/12, now waits for Sở KH&ĐT's own summary, due before 27/12: that one is still chased.)
    morning(LocalDate.of(2026, 12, 30));
    assertThat(digests(NotificationKind.DIGEST, "so-khdt").get(0).bodyText())
        .doesNotContain("Công văn " + a.number()).contains("Công văn " + b.number());
  }

  @Test
  void theReportBackToThePartyIsRemindedInTheOfficesMorningDigest() throws Exception {
    LocalDate start = LocalDate.of(2026, 12, 1);
    clock.set(at(start, 9, 0));
    vn.cascade.conclusion.Conclusion c = conclusions.register(vn.cascade.TestDocuments.conclusion(start));
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_RECORD_RECEIPT),
        java.util.Map.of("incomingNumber", "7.17.BCS", "incomingDate", start.toString()));
    long directiveId = conclusions.attachDirectiveDraft(c.id(), directive(start, AGENCY));
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_DRAFT_DIRECTIVE), java.util.Map.of());
    completeAs("lanh-dao-ubnd", taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_APPROVE_DIRECTIVE),
        java.util.Map.of("directiveDecision", "approve", "approvalComment", "Đồng ý ban hành."));
    Directive d = directives.get(directiveId);
    reportAndAccept(AGENCY, assignments.ofDirective(d.id()).get(0).processInstanceId(), report("Xong."));
    driver().uploadSummaryDocument(d.processInstanceId(), "so-khdt");
    completeAs("so-khdt", taskOf(d.processInstanceId(), DirectiveProcess.TASK_COLLECT_REPORTS),
        java.util.Map.of("summaryNumber", "200/BC-SKHĐT", "summaryText", "Đã tổng hợp."));
    completeAs("lanh-dao-ubnd", taskOf(d.processInstanceId(), DirectiveProcess.TASK_APPROVE_SUMMARY),
        java.util.Map.of("summaryDecision", "approve", "summaryComment", "Đồng ý."));
    executeAsyncJobs();
    String prepare = taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_PREPARE_REPORT_BACK).getId();
    ChasePlans.Plan plan = plans.find(ChaseSubject.REPORT_BACK, c.id()).orElseThrow();
    LocalDate reminded = plan.next().at().atZone(VnDates.ZONE).toLocalDate();

    morning(reminded);
    NotificationOutbox.Entry digest = digests(NotificationKind.DIGEST, "vp-ubnd").get(0);
    assertThat(digest.subject()).isEqualTo("[Cascade] 1 việc sắp đến hạn — " + VnDates.format(reminded));
    assertThat(digest.bodyText()).contains("Kết luận " + c.number(),
        "- Báo cáo kết quả thực hiện cho Ban Thường vụ Tỉnh ủy — trước ngày " + VnDates.format(c.reportBackDeadline()),
        "#/?task=" + prepare);
    assertThat(mailsTo("vp-ubnd@dongnai.example")).hasSize(1);

    driver().uploadReportBackDocument(c.processInstanceId(), "vp-ubnd");
    completeAs("vp-ubnd", taskService.createTaskQuery().taskId(prepare).singleResult(),
        java.util.Map.of("reportBackNumber", "300-BC/BCSĐ", "reportBackText", "Báo cáo kết quả."));
    assertThat(plans.find(ChaseSubject.REPORT_BACK, c.id())).as("prepared: its chase ends").isEmpty();
  }

  @Autowired vn.cascade.conclusion.ConclusionService conclusions;

  @Test
  void withoutAMailServerNotificationsAreKeptInTheOutboxAndShownOnItsPage() {
    Assignment a = issueOn(LocalDate.of(2026, 12, 1), at(LocalDate.of(2026, 12, 5), 9, 0));
    NotificationSender noMail = new NotificationSender(outbox,
        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), settings, clock);
    long id = writtenDigest(a, "test-digest-kept:" + a.id());

    assertThat(noMail.sendWritten(id)).isTrue();
    assertThat(noMail.sendWritten(id)).isFalse();
    assertThat(mails()).isEmpty();
    NotificationOutbox.Entry kept = outboxOf(a).get(0);
    assertThat(kept.status()).isEqualTo(NotificationOutbox.Status.KEPT);

    String page = http.withBasicAuth("vp-ubnd", "demo").getForObject("/outbox", String.class);
    assertThat(page).contains("Hộp thư đi", "lưu tại hệ thống", kept.subject());
  }

  @Autowired ChaseTargets chaseTargets;
  @Autowired JavaMailSender mailSender;
}
