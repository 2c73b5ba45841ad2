package vn.cascade.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements an application sends, by kind and table ("insert act_ru_task"): a JDK
 * proxy around the DataSource, its connections and statements. Each statement of a JDBC batch
 * counts once, like a statement executed alone.
 */
final class SqlCounter {

  private static final Pattern TABLE = Pattern.compile(
      "^\\s*(?:(update)\\s+|(select|insert|delete)\\b.*?\\b(?:from|into)\\s+)([a-z0-9_.]+)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** Key of the round trips in a snapshot: each statement executed alone, each batch sent. */
  static final String ROUND_TRIPS = "(round trips)";
  /** Prefix of the keys that hold nanoseconds spent waiting on the driver: per statement kind, "batch", "commit". */
  static final String NANOS = "(ns) ";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder roundTrips = new LongAdder();
  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
  private volatile boolean counting = true;

  /** Wraps the application's {@code dataSource} bean once it is ready. */
  BeanPostProcessor postProcessor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource ds && "dataSource".equals(name) ? wrap(ds) : bean;
      }
    };
  }

  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (p, m, a) -> {
      Object result = call(target, m, a);
      return result instanceof Connection c && counting ? connection(c) : result;
    });
  }

  /**
   * Off: connections taken from now on are the pool's own, unwrapped, so that a timed run pays nothing for
   * the counting (the statements they send are not counted). On again: counted as before.
   */
  void counting(boolean on) {
    counting = on;
  }

  /** A copy of the counts so far, to subtract from a later one. */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new HashMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    copy.put(ROUND_TRIPS, roundTrips.sum());
    nanos.forEach((k, v) -> copy.put(NANOS + k, v.sum()));
    return copy;
  }

  static long total(Map<String, Long> counts) {
    return counts.entrySet().stream().filter(e -> !e.getKey().startsWith("(")).mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Nanoseconds spent in the driver (statements, batches, commits) in a snapshot or a difference of two. */
  static Map<String, Long> nanos(Map<String, Long> counts) {
    Map<String, Long> only = new HashMap<>();
    counts.forEach((k, v) -> {
      if (k.startsWith(NANOS)) {
        only.put(k.substring(NANOS.length()), v);
      }
    });
    return only;
  }

  static long roundTrips(Map<String, Long> counts) {
    return counts.getOrDefault(ROUND_TRIPS, 0L);
  }

  static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> diff = new HashMap<>();
    after.forEach((k, v) -> {
      long d = v - before.getOrDefault(k, 0L);
      if (d != 0) {
        diff.put(k, d);
      }
    });
    return diff;
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (p, m, a) -> {
      if (m.getName().equals("commit")) {
        long t = System.nanoTime();
        try {
          return call(target, m, a);
        } finally {
          time("commit", t);
        }
      }
      Object result = call(target, m, a);
      String sql = a != null && a.length > 0 && a[0] instanceof String s ? s : null;
      if (result instanceof CallableStatement s) {
        return statement(CallableStatement.class, s, sql);
      }
      if (result instanceof PreparedStatement s) {
        return statement(PreparedStatement.class, s, sql);
      }
      if (result instanceof Statement s) {
        return statement(Statement.class, s, null);
      }
      return result;
    });
  }

  private <T extends Statement> T statement(Class<T> type, T target, String preparedSql) {
    return proxy(type, target, (p, m, a) -> {
      String name = m.getName();
      String sql = a != null && a.length > 0 && a[0] instanceof String s ? s : preparedSql;
      if (name.equals("addBatch") || (name.startsWith("execute") && !name.endsWith("Batch"))) {
        count(sql);
      }
      if (!name.startsWith("execute")) {
        return call(target, m, a);
      }
      roundTrips.increment();
      long t = System.nanoTime();
      try {
        return call(target, m, a);
      } finally {
        time(name.endsWith("Batch") ? "batch" : category(sql), t);
        if (SAMPLE != null && category(sql).equals(SAMPLE)) {
          sample(sql, System.nanoTime() - t);
        }
      }
    });
  }

  private void time(String key, long started) {
    nanos.computeIfAbsent(key, k -> new LongAdder()).add(System.nanoTime() - started);
  }

  private static final String SAMPLE = System.getProperty("benchmark.sqlSample");
  private final java.util.concurrent.atomic.AtomicInteger sampled = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Prints one statement of the kind {@code -Dbenchmark.sqlSample} names, with the frames that sent it:
   * Cascade's own and the engine's commands, managers, providers, behaviours and listeners. Statements of the
   * application's start-up are skipped.
   */
  private void sample(String sql, long nanos) {
    StringBuilder frames = new StringBuilder();
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      String f = e.toString();
      if (f.startsWith("org.springframework.boot.SpringApplication.run")) {
        return;
      }
      boolean ours = f.startsWith("vn.cascade") && !f.startsWith("vn.cascade.benchmark");
      boolean engine = f.startsWith("org.camunda.bpm.engine.impl") && !f.contains(".db.") && (f.contains("Cmd.execute")
          || f.contains("Manager.") || f.contains("Provider.") || f.contains("Behavior.") || f.contains("Listener."));
      if (ours || engine) {
        frames.append("\n    at ").append(f);
      }
    }
    if (sampled.incrementAndGet() <= 6) {
      System.out.println("SQL sample " + nanos / 1000 + " us: " + sql.replaceAll("\\s+", " ") + frames);
    }
  }

  private void count(String sql) {
    counts.computeIfAbsent(category(sql), k -> new LongAdder()).increment();
  }

  static String category(String sql) {
    if (sql == null) {
      return "other";
    }
    Matcher m = TABLE.matcher(sql);
    if (m.find()) {
      String verb = m.group(1) != null ? m.group(1) : m.group(2);
      return verb.toLowerCase(Locale.ROOT) + " " + m.group(3).toLowerCase(Locale.ROOT);
    }
    return sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
  }

  private static Object call(Object target, Method m, Object[] a) throws Throwable {
    try {
      return m.invoke(target, a);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
