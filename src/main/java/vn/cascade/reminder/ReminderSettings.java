package vn.cascade.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cascade.reminders.*}: when reminders and urgings go out, and where their links point.
 *
 * @param offsetsDays days before a deadline a reminder goes out (a directive may override them)
 * @param sendAt time of day reminders and urgings go out, Asia/Ho_Chi_Minh
 * @param urgingIntervalWorkingDays working days between two urgings of an overdue report
 * @param urgingsBeforeEscalation urgings after which the leadership is told
 * @param retryCycle how often a failed send is retried before it becomes an incident (ISO 8601 R/P)
 * @param tasklistBaseUrl where the link in a mail leads, e.g. https://cascade.dongnai.gov.vn/camunda/app/tasklist/default/
 * @param monitoringAgency the office copied on urgings (theo dõi, đôn đốc)
 * @param leadershipAgency the group an escalation goes to
 * @param from the sender address
 * @param sendClaim how long a node holds an outbox row while it sends; longer than any SMTP timeout, so a
 *     claim only expires when its node died mid-send
 * @param idempotencyCheck never switch off in use: off, the outbox neither skips sent notifications nor
 *     claims rows (the fault tests switch it off to show that they catch the duplicates that follow)
 * @param digestOnWorkingDaysOnly the morning digest skips weekends and public holidays; the multi-node and crash
 *     tests, which run on the real date, switch this off so that they also run on a weekend
 */
@ConfigurationProperties("cascade.reminders")
public record ReminderSettings(
    @DefaultValue({"7", "3", "1"}) List<Integer> offsetsDays,
    @DefaultValue("08:00") LocalTime sendAt,
    @DefaultValue("2") int urgingIntervalWorkingDays,
    @DefaultValue("3") int urgingsBeforeEscalation,
    @DefaultValue("R5/PT5M") String retryCycle,
    @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/") String tasklistBaseUrl,
    @DefaultValue("vp-ubnd") String monitoringAgency,
    @DefaultValue("lanh-dao-ubnd") String leadershipAgency,
    @DefaultValue("Cascade <khong-tra-loi@cascade.example>") String from,
    @DefaultValue("PT10M") Duration sendClaim,
    @DefaultValue("true") boolean idempotencyCheck,
    @DefaultValue("true") boolean digestOnWorkingDaysOnly) {}
