package vn.cascade.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cascade.CascadeApplication;
import vn.cascade.common.VnDates;
import vn.cascadebench.bare.BareCamundaApplication;

/**
 * Run by {@link LoadBenchmark} in a fresh JVM: {@code StartupProbe cascade|bare jdbcUrl}. Starts the
 * application on an empty PostgreSQL database, then prints one line
 * {@code STARTUP <kind> <ms from JVM start to ready> <heap MB used after GC> <RSS MB>} and exits.
 */
public final class StartupProbe {

  public static void main(String[] args) throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone(VnDates.ZONE));
    String kind = args[0];
    String url = args[1];
    List<String> props = new ArrayList<>(List.of(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--logging.level.root=WARN"));
    SpringApplicationBuilder builder;
    if (kind.equals("cascade")) {
      builder = new SpringApplicationBuilder(CascadeApplication.class).profiles("postgres");
      props.addAll(List.of(
          "--camunda.bpm.admin-user.id=bench-admin",
          "--camunda.bpm.admin-user.password=Mat-khau-do-hieu-nang-2026",
          "--logging.level.vn.cascade=WARN"));
    } else {
      builder = new SpringApplicationBuilder(BareCamundaApplication.class);
      props.addAll(List.of(
          "--spring.config.name=bare-camunda-benchmark",
          "--spring.flyway.enabled=false",
          "--camunda.bpm.auto-deployment-enabled=false",
          "--camunda.bpm.authorization.enabled=true",
          "--camunda.bpm.database.schema-update=true",
          "--camunda.bpm.history-level=full",
          "--camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive=true"));
    }
    ConfigurableApplicationContext app = builder.run(props.toArray(String[]::new));
    long startedMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    System.out.printf("STARTUP %s %d %.1f %.1f%n", kind, startedMs, heap / 1048576.0, rssKb / 1024.0);
    System.out.flush();
    app.close();
    System.exit(0);
  }

  private StartupProbe() {}
}
