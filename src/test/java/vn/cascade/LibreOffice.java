package vn.cascade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's LibreOffice ({@code /usr/bin/soffice}, package libreoffice-writer-nogui) as a real
 * client of the documents Cascade makes: it opens them and converts them to PDF, headless. Every
 * call starts its own LibreOffice with a profile of its own (a temporary
 * {@code -env:UserInstallation}), so concurrent runs do not clash; LibreOffice takes seconds to
 * start, so convert several files in one call.
 */
public final class LibreOffice {

  public static final Path SOFFICE = Path.of("/usr/bin/soffice");
  private static final long TIMEOUT_SECONDS = 180;

  private LibreOffice() {}

  /**
   * Skips the calling test when LibreOffice is not installed; on CI (CI=true) that is a failure
   * instead, so that a missing LibreOffice cannot pass unnoticed.
   */
  public static void requireInstalled() {
    if (Files.isExecutable(SOFFICE)) {
      return;
    }
    String message = "This test converts documents with LibreOffice; " + SOFFICE + " is missing."
        + " Install it with `apt-get install libreoffice-writer-nogui`.";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(false, message);
  }

  /**
   * Converts each document to PDF in one LibreOffice run.
   *
   * @param documents file name (with its extension, which tells LibreOffice the format) to content
   * @return the PDF of each document, by the same file name
   */
  public static Map<String, byte[]> toPdf(Map<String, byte[]> documents) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("cascade-soffice-");
    try {
      Path in = Files.createDirectories(work.resolve("in"));
      Path out = Files.createDirectories(work.resolve("out"));
      List<String> command = new ArrayList<>(List.of(SOFFICE.toString(),
          "-env:UserInstallation=" + work.resolve("profile").toUri(), "--headless", "--norestore",
          "--convert-to", "pdf", "--outdir", out.toString()));
      for (Map.Entry<String, byte[]> d : documents.entrySet()) {
        Path file = in.resolve(d.getKey());
        Files.write(file, d.getValue());
        command.add(file.toString());
      }
      Path log = work.resolve("soffice.log");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        Assertions.fail("LibreOffice did not convert within " + TIMEOUT_SECONDS + " s: "
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Map<String, byte[]> pdfs = new LinkedHashMap<>();
      for (String name : documents.keySet()) {
        Path pdf = out.resolve(name.replaceFirst("\\.[^.]+$", "") + ".pdf");
        if (!Files.isRegularFile(pdf)) {
          Assertions.fail("LibreOffice made no PDF of " + name + " (exit " + p.exitValue() + "): " + output);
        }
        pdfs.put(name, Files.readAllBytes(pdf));
      }
      return pdfs;
    } finally {
      delete(work);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
