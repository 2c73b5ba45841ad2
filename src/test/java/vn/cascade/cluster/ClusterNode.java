package vn.cascade.cluster;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cascade.CascadeApplication;

/**
 * One Cascade node in the test JVM: the whole application (postgres profile, web server on a free
 * port, its own job executor) as a Spring context of its own, on a database other nodes share.
 * Settings are command-line arguments, which win over the profile's files, as in production.
 */
final class ClusterNode implements AutoCloseable {

  /** Job lock time of the test nodes: short, so that a slow send outlives its lock. */
  static final int LOCK_MILLIS = 3000;

  final String name;
  private final ConfigurableApplicationContext context;

  private ClusterNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  /**
   * @param name engine name and job lock owner: letters and digits only (no hyphen in engine names),
   *     and never "default", which the H2 suite's context owns
   */
  static ClusterNode start(String name, String jdbcUrl, int smtpPort, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--DB_URL=" + jdbcUrl,
        "--DB_USER=postgres",
        "--DB_PASSWORD=",
        "--spring.datasource.hikari.maximum-pool-size=12",
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--camunda.bpm.process-engine-name=" + name,
        // No Camunda webapps here: their filters keep the last started context in a static field, so a
        // node's webapps would take over the shared test context's Tasklist API until the JVM ends.
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.admin-user.id=ops-admin",
        "--camunda.bpm.admin-user.password=Mat-khau-van-hanh-2026",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=300",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--cascade.reminders.retry-cycle=R5/PT2S",
        // The tests run on the real date, also on a weekend: the morning run may run that day.
        "--cascade.reminders.digest-on-working-days-only=false",
        "--cascade.assignment.deliver-retry-cycle=R10/PT1S",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        // Failed jobs are expected here (conflicts, claims held, the mail server down): counted, not logged.
        "--logging.level.org.camunda.bpm.engine.jobexecutor=OFF",
        "--logging.level.org.camunda.bpm.engine.context=OFF",
        "--logging.level.org.camunda.bpm.engine.cmd=OFF",
        "--logging.level.vn.cascade=WARN"));
    args.addAll(List.of(extra));
    // e.g. -Dcascade.cluster.nodeArgs=--camunda.bpm.generic-properties.properties.jobExecutorAcquireExclusiveOverProcessHierarchies=false
    String more = System.getProperty("cascade.cluster.nodeArgs", "").trim();
    if (!more.isEmpty()) {
      args.addAll(List.of(more.split("\\s+")));
    }
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CascadeApplication.class,
        SlowMailSender.NodeBeans.class).run(args.toArray(String[]::new));
    return new ClusterNode(name, context);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  SlowMailSender mail() {
    return context.getBean(SlowMailSender.class);
  }

  @Override
  public void close() {
    context.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
