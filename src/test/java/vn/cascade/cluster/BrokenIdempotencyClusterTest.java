package vn.cascade.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that the cluster test's exactly-once check can fail: with the idempotency check switched
 * off ({@code cascade.reminders.idempotency-check=false}: no SENT check, no claim) and sends slower
 * than the job lock time, a send job whose lock expired mid-send is acquired again, by either
 * node, and mails the same digest a second time — which the same check reports.
 */
class BrokenIdempotencyClusterTest {

  @Test
  void withoutTheIdempotencyCheckASendSlowerThanTheLockTimeIsMailedTwiceAndTheCheckSaysSo() {
    int port = TwoNodeClusterTest.freePort();
    GreenMail smtp = TwoNodeClusterTest.mailServer(port);
    smtp.start();
    String db = ClusterDatabase.create("cluster_broken");
    String broken = "--cascade.reminders.idempotency-check=false";
    try (ClusterNode a = ClusterNode.start("brokenNodeA", db, port, broken);
        ClusterNode b = ClusterNode.start("brokenNodeB", db, port, broken)) {
      // Four directives of one assignment each: their jobs are not serialized as one hierarchy's are.
      Batch batch = Batch.issue(List.of(a, b), 4, "so-tp");
      int expected = 1; // one digest: Sở Tư pháp's four reminders of the morning
      // One slow send per node, three lock times long: the lock expires, and a free job thread, of
      // either node, has two lock times to acquire the job again while the first send still runs.
      a.mail().slowDown(1, Duration.ofMillis(3L * ClusterNode.LOCK_MILLIS));
      b.mail().slowDown(1, Duration.ofMillis(3L * ClusterNode.LOCK_MILLIS));
      batch.morning(a);
      batch.awaitSent(a, expected);
      // The slow first sends end after the jobs run again have marked their rows SENT: wait for them.
      a.mail().awaitIdle(Duration.ofSeconds(60));
      b.mail().awaitIdle(Duration.ofSeconds(60));

      MailCheck check = MailCheck.of(smtp, batch.outbox(a));
      System.out.println("[broken] idempotency check off, sends slower than the lock: " + check);
      System.out.println("[broken] " + JobLog.of(a.engine()));
      assertThat(check.exactlyOnce()).isFalse();
      assertThat(check.duplicates()).isNotEmpty();
    } finally {
      smtp.stop();
    }
  }
}
