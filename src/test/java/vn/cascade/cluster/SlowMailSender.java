package vn.cascade.cluster;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The node's mail sender, which a test can make slow for its next few sends: slower than the job
 * lock time, so that the send job's lock expires mid-send and the job is acquired a second time.
 * A JavaMailSenderImpl, so that the notification keeps its fixed Message-ID.
 */
class SlowMailSender extends JavaMailSenderImpl {

  private final AtomicInteger slowLeft = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile long delayMillis;

  /** The next {@code sends} sends on this node each take {@code delay} more. */
  void slowDown(int sends, Duration delay) {
    this.delayMillis = delay.toMillis();
    this.slowLeft.set(sends);
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) throws MailException {
    inFlight.incrementAndGet();
    try {
      if (slowLeft.getAndDecrement() > 0) {
        System.out.println("[cluster] slow send (" + delayMillis + " ms) in " + Thread.currentThread().getName());
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      super.doSend(mimeMessages, originalMessages);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * Waits until no send is under way on this node: a slow send whose job was meanwhile run again
   * (and marked SENT) may still be about to deliver, and the mailboxes are only complete after it.
   */
  void awaitIdle(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > end) {
        throw new AssertionError(inFlight.get() + " sends still under way after " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Added to a node as a source: replaces Spring Boot's JavaMailSender (same host, port and timeouts). */
  static class NodeBeans {
    @Bean
    JavaMailSender javaMailSender(Environment env) {
      SlowMailSender sender = new SlowMailSender();
      sender.setHost(env.getRequiredProperty("spring.mail.host"));
      sender.setPort(env.getRequiredProperty("spring.mail.port", Integer.class));
      sender.setDefaultEncoding("UTF-8");
      Properties p = new Properties();
      p.setProperty("mail.smtp.connectiontimeout", "2000");
      p.setProperty("mail.smtp.timeout", "5000");
      p.setProperty("mail.smtp.writetimeout", "5000");
      sender.setJavaMailProperties(p);
      return sender;
    }
  }
}
