package vn.cascade.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A diagnostic for {@code -Dbenchmark.pgWaits=true}: samples {@code pg_stat_activity} every millisecond on a
 * connection of its own (outside the counted pool) and tallies what the active backends were doing, by wait
 * event ("CPU" when none) and statement, so that time in the driver can be split into PostgreSQL's work, its
 * waits and the time no backend was active.
 */
final class WaitSampler {

  private final Map<String, LongAdder> tally = new ConcurrentHashMap<>();
  private final LongAdder samples = new LongAdder();
  private final Thread thread;
  private volatile boolean running = true;

  WaitSampler(String jdbcUrl) {
    thread = new Thread(() -> sample(jdbcUrl), "pg-wait-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample(String jdbcUrl) {
    String q = "select coalesce(wait_event_type || ':' || wait_event, 'CPU'), left(regexp_replace(query, '\\s+', ' ',"
        + " 'g'), 70) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid()"
        + " and backend_type = 'client backend'";
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement st = c.createStatement()) {
      while (running) {
        try (ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) {
            tally.computeIfAbsent(rs.getString(1) + "  " + rs.getString(2), k -> new LongAdder()).increment();
          }
        }
        samples.increment();
        Thread.sleep(1);
      }
    } catch (Exception e) {
      System.out.println("  wait sampler failed: " + e);
    }
  }

  void stopAndPrint() throws InterruptedException {
    running = false;
    thread.join();
    long n = samples.sum();
    System.out.printf("  pg_stat_activity: %d samples, active backends per sample by wait and statement:%n", n);
    tally.entrySet().stream().sorted(Map.Entry.<String, LongAdder>comparingByValue(
        Comparator.comparingLong(LongAdder::sum)).reversed()).limit(15).forEach(e ->
        System.out.printf("    %6.3f  %s%n", (double) e.getValue().sum() / n, e.getKey()));
  }
}
