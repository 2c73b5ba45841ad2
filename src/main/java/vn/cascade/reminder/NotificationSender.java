package vn.cascade.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import vn.cascade.reminder.NotificationOutbox.Entry;

/**
 * Sends one notification at most once per key, also with several nodes on one database: the
 * outbox row is written first, then claimed by this node (status SENDING, for
 * {@code cascade.reminders.send-claim}), the mail goes out, and the row is marked SENT — each step
 * in its own transaction. A job that runs again, on this node or another, finds the row SENT and
 * sends nothing; a job re-acquired while another node is still sending finds the claim held and
 * fails, to be retried after the send has finished. Only a node that died between the mail
 * server's "accepted" and its own "SENT" leaves a row in doubt: once its claim expires the mail is
 * sent again, with the same Message-ID, which mail clients show as one message.
 * With no mail server configured, the notification is only kept.
 */
@Service
public class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  /** This JVM, as it appears in the outbox's claimed_by: pid@host. */
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  private final NotificationOutbox outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final ReminderSettings settings;
  private final Clock clock;

  NotificationSender(NotificationOutbox outbox, ObjectProvider<JavaMailSender> mailSender,
      ReminderSettings settings, Clock clock) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.settings = settings;
    this.clock = clock;
  }

  /** The Message-ID every attempt of one notification carries. */
  static String messageId(String key) {
    return "<" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + "@cascade>";
  }

  /**
   * Sends an outbox row that exists already (a morning digest, written by the morning run): claimed,
   * mailed, marked SENT.
   *
   * @return true if a mail went out (or was kept) now, false if the row was already done
   */
  public boolean sendWritten(long id) {
    Entry entry = outbox.find(id).orElseThrow(() -> new IllegalStateException("No outbox row " + id));
    if (settings.idempotencyCheck() && entry.done()) {
      LOG.info("Notification {} already {}, not sent again", entry.key(), entry.status());
      return false;
    }
    return deliver(entry);
  }

  private boolean deliver(Entry entry) {
    String key = entry.key();
    boolean check = settings.idempotencyCheck();
    Instant now = clock.instant();
    if (check && !outbox.claim(entry.id(), NODE, now, now.plus(settings.sendClaim()))) {
      Entry current = outbox.find(key).orElseThrow();
      if (current.done()) {
        LOG.info("Notification {} was {} meanwhile, not sent again", key, current.status());
        return false;
      }
      throw new IllegalStateException("Thư " + key + " đang được gửi (" + current.claimedBy() + ", giữ đến "
          + current.claimedUntil() + "); sẽ kiểm tra lại.");
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      outbox.markKept(entry.id());
      LOG.info("No mail server configured (spring.mail.host): notification {} kept in the outbox: {}", key,
          entry.subject());
      return true;
    }
    try {
      sender.send(message(sender, entry));
    } catch (MailException | MessagingException e) {
      outbox.markFailed(entry.id(), e.getMessage());
      throw new IllegalStateException("Không gửi được thư " + key + ": " + e.getMessage(), e);
    }
    if (check) {
      outbox.markSent(entry.id(), clock.instant());
    } else {
      outbox.markSentUnclaimed(entry.id(), clock.instant());
    }
    return true;
  }

  private MimeMessage message(JavaMailSender sender, Entry entry) throws MessagingException {
    MimeMessage message = sender instanceof JavaMailSenderImpl impl && entry.messageId() != null
        ? new FixedIdMimeMessage(impl.getSession(), entry.messageId())
        : sender.createMimeMessage();
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

  /** Keeps the notification's Message-ID instead of the random one JavaMail sets when it saves the message. */
  private static final class FixedIdMimeMessage extends MimeMessage {
    private final String id;

    FixedIdMimeMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  private static String[] split(String addresses) {
    return addresses == null || addresses.isBlank() ? new String[0] : addresses.split(",\\s*");
  }
}
