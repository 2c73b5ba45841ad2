package vn.cascade.cluster;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.cascade.reminder.NotificationOutbox;
import vn.cascade.reminder.NotificationOutbox.Entry;

/**
 * The exactly-once check: every notification of the outbox reached every one of its recipients'
 * mailboxes once (counted by Message-ID, which all attempts of one notification share), no mail
 * arrived that the outbox does not know, and every notification is SENT.
 */
record MailCheck(int notifications, int deliveries, List<String> duplicates, List<String> missing,
    List<String> unknown, List<String> notSent) {

  /** Reads every mailbox of the server and compares it with the outbox rows given. */
  static MailCheck of(GreenMail server, List<Entry> outbox) {
    Map<String, Map<String, Integer>> received = new HashMap<>(); // address -> Message-ID -> copies
    int deliveries = 0;
    for (GreenMailUser user : server.getUserManager().listUser()) {
      Map<String, Integer> box = received.computeIfAbsent(user.getEmail().toLowerCase(Locale.ROOT), a -> new TreeMap<>());
      for (StoredMessage m : inbox(server, user)) {
        box.merge(messageId(m), 1, Integer::sum);
        deliveries++;
      }
    }
    Map<String, Entry> byMessageId = outbox.stream().collect(Collectors.toMap(Entry::messageId, e -> e));
    List<String> duplicates = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> notSent = new ArrayList<>();
    for (Entry e : outbox) {
      if (e.status() != NotificationOutbox.Status.SENT) {
        notSent.add(e.key() + " is " + e.status() + " after " + e.attempts() + " attempt(s): " + e.lastError());
      }
      for (String address : recipients(e)) {
        int copies = received.getOrDefault(address, Map.of()).getOrDefault(e.messageId(), 0);
        if (copies == 0) {
          missing.add(e.key() + " never reached " + address);
        } else if (copies > 1) {
          duplicates.add(e.key() + " reached " + address + " " + copies + " times (Message-ID " + e.messageId()
              + ", attempts " + e.attempts() + ")");
        }
      }
    }
    List<String> unknown = new ArrayList<>();
    received.forEach((address, box) -> box.forEach((id, copies) -> {
      if (!byMessageId.containsKey(id)) {
        unknown.add(copies + " mail(s) " + id + " to " + address + " that no outbox row accounts for");
      }
    }));
    return new MailCheck(outbox.size(), deliveries, duplicates, missing, unknown, notSent);
  }

  boolean exactlyOnce() {
    return duplicates.isEmpty() && missing.isEmpty() && unknown.isEmpty() && notSent.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(String.format(
        "%d notifications, %d mails received: %d duplicated, %d missing, %d unknown, %d not SENT",
        notifications, deliveries, duplicates.size(), missing.size(), unknown.size(), notSent.size()));
    for (List<String> problems : List.of(duplicates, missing, unknown, notSent)) {
      problems.stream().limit(10).forEach(p -> s.append("\n  ").append(p));
      if (problems.size() > 10) {
        s.append("\n  … ").append(problems.size() - 10).append(" more");
      }
    }
    return s.toString();
  }

  private static Set<String> recipients(Entry e) {
    return Arrays.stream((e.recipients() + "," + (e.cc() == null ? "" : e.cc())).split(","))
        .map(String::trim).filter(a -> !a.isEmpty()).map(a -> a.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static List<StoredMessage> inbox(GreenMail server, GreenMailUser user) {
    try {
      return server.getManagers().getImapHostManager().getInbox(user).getMessages();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(StoredMessage m) {
    try {
      return m.getMimeMessage().getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
