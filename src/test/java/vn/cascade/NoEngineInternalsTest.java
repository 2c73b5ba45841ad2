package vn.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cascade's own code uses the engine's public API only: no class of {@code org.camunda.bpm.engine.impl}
 * (they change between versions without notice, and item 7 of issue 17 measures without them).
 * Benchmarks and tests may look inside.
 */
class NoEngineInternalsTest {

  @Test
  void noMainSourceNamesAnEngineImplementationClass() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders = sources.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
        try {
          List<String> lines = Files.readAllLines(p);
          return IntStream.range(0, lines.size())
              .filter(i -> lines.get(i).contains("org.camunda.bpm.engine.impl"))
              .mapToObj(i -> p + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
      assertThat(offenders).isEmpty();
    }
  }
}
