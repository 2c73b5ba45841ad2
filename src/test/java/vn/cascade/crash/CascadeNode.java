package vn.cascade.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Cascade as a separate JVM, the way it runs in production: {@code vn.cascade.CascadeApplication}
 * on the main classpath (without the test classes), its output in a log file. {@link #kill()} sends
 * SIGKILL: no shutdown hook, no transaction finished, no connection closed.
 */
final class CascadeNode implements AutoCloseable {

  private final String name;
  private final Path workDir;
  private final List<String> appArgs;
  private final int port;
  private Process process;
  private Path log;
  private final Thread reaper = new Thread(this::destroyQuietly, "kill-cascade-node");

  /**
   * @param name  names the log file: {@code <workDir>/<name>-<n>.log}
   * @param args  Spring Boot arguments ({@code --key=value}); the server port is added here
   */
  CascadeNode(String name, Path workDir, List<String> args) {
    this.name = name;
    this.workDir = workDir;
    this.port = freePort();
    this.appArgs = new ArrayList<>(args);
    this.appArgs.add("--server.port=" + port);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  /** Starts (or starts again) the JVM; returns at once. */
  void start(int run) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("Node " + name + " is already running");
    }
    try {
      Files.createDirectories(workDir);
      log = workDir.resolve(name + "-" + run + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-Dspring.main.banner-mode=off",
          "-cp", applicationClasspath(), "vn.cascade.CascadeApplication"));
      command.addAll(appArgs);
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("TZ", "Asia/Ho_Chi_Minh");
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
  }

  /**
   * The test JVM's classpath (surefire puts the test classpath in java.class.path) without the
   * test classes: the node must run Cascade's own beans and configuration only.
   */
  private static String applicationClasspath() {
    String classpath = System.getProperty("java.class.path");
    List<String> entries = Arrays.stream(classpath.split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes" + File.separator))
        .toList();
    if (entries.stream().noneMatch(e -> e.endsWith("classes") || e.endsWith("classes" + File.separator))) {
      throw new IllegalStateException("target/classes is not on java.class.path: " + classpath);
    }
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }

  /** Waits until the node answers HTTP requests (its login page), failing early if it died. */
  void awaitHttp(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError("Node " + name + " exited with " + process.exitValue() + " during start-up; see "
            + log + "\n" + tail());
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/login"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Node " + name + " did not answer within " + timeout + "; see " + log + "\n" + tail());
  }

  /** SIGKILL (what Process.destroyForcibly sends on Linux); returns the exit code, 137 = 128 + SIGKILL. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("Node " + name + " (pid " + process.pid() + ") survived SIGKILL");
    }
    return process.exitValue();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** The last lines of the current log, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log: " + e + ")";
    }
  }

  private void destroyQuietly() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    destroyQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
