package vn.cascade.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import vn.cascade.reminder.NotificationOutbox.Entry;
import vn.cascade.reminder.NotificationOutbox.Status;

/**
 * Sends one notification at most once per key: the outbox row is written before the mail goes
 * out and marked SENT right after, each in its own transaction, so a job that runs again finds
 * the row and sends nothing. With no mail server configured, the notification is only kept.
 */
@Service
public class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final NotificationOutbox outbox;
  private final MailComposer composer;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final ReminderSettings settings;
  private final Clock clock;

  NotificationSender(NotificationOutbox outbox, MailComposer composer, ObjectProvider<JavaMailSender> mailSender,
      ReminderSettings settings, Clock clock) {
    this.outbox = outbox;
    this.composer = composer;
    this.mailSender = mailSender;
    this.settings = settings;
    this.clock = clock;
  }

  /** Stable key: (what is chased, kind, sequence number), and the deadline it was computed for. */
  public static String key(ChaseTarget target, NotificationKind kind, int sequence) {
    return target.key(kind, sequence) + "@" + target.deadline();
  }

  /** @return true if a mail went out (or was kept) now, false if this key was already done */
  public boolean send(ChaseTarget target, NotificationKind kind, int sequence, Instant plannedFor) {
    String key = key(target, kind, sequence);
    Entry entry = outbox.find(key).orElse(null);
    if (entry != null && (entry.status() == Status.SENT || entry.status() == Status.KEPT)) {
      LOG.info("Notification {} already {}, not sent again", key, entry.status());
      return false;
    }
    Mail mail = composer.compose(target, kind, sequence, plannedFor == null ? clock.instant() : plannedFor);
    entry = outbox.findOrCreate(key, target, kind, sequence, mail, plannedFor, clock.instant());
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      outbox.markKept(entry.id());
      LOG.info("No mail server configured (spring.mail.host): notification {} kept in the outbox: {}", key,
          mail.subject());
      return true;
    }
    try {
      sender.send(message(sender, entry));
    } catch (MailException | MessagingException e) {
      outbox.markFailed(entry.id(), e.getMessage());
      throw new IllegalStateException("Không gửi được thư " + key + ": " + e.getMessage(), e);
    }
    outbox.markSent(entry.id(), clock.instant());
    return true;
  }

  private MimeMessage message(JavaMailSender sender, Entry entry) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(split(entry.recipients()));
    String[] cc = split(entry.cc());
    if (cc.length > 0) {
      helper.setCc(cc);
    }
    helper.setSubject(entry.subject());
    helper.setText(entry.bodyText(), entry.bodyHtml());
    return message;
  }

  private static String[] split(String addresses) {
    return addresses == null || addresses.isBlank() ? new String[0] : addresses.split(",\\s*");
  }
}
