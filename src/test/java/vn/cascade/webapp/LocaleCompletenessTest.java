package vn.cascade.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Vietnamese locales of Tasklist, Admin and Welcome against the English locales of the
 * Camunda webjar we depend on (read from its jar on the test classpath): every English key has
 * its Vietnamese, and each translation keeps the string's placeholders, so that a Camunda
 * upgrade cannot silently leave English behind or break a message. Plain unit test, no Spring.
 */
class LocaleCompletenessTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  private static final String WEBJAR_ARTIFACT = "camunda-webapp-webjar";

  /** Emptied on purpose: the "migrate to Camunda 8" banner (see assets/cascade/cascade.css). */
  private static final Set<String> DELIBERATELY_EMPTY = Set.of("labels.BANNER_CE_EOL_TEXT");

  /** Label values that read the same in both languages. */
  private static final Set<String> SAME_IN_BOTH = Set.of("<", "<=", ">", ">=", "<null>", "<undefined>", "Optimize");

  /**
   * What must survive translation: {{ angular-translate }} interpolations (spaces inside
   * ignored), printf-style %s / %d (moment's relative times), HTML tags with their attributes,
   * HTML entities.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{\\s*(.*?)\\s*\\}\\}|%[0-9]*\\$?[sdif]|</?[A-Za-z][^<>]*>|&#?[A-Za-z0-9]+;");

  /** group:"…", label:"…", help:"…" and the shared help texts of Tasklist's filter criteria. */
  private static final Pattern CRITERION = Pattern.compile(
      "\\b(?:group|label|help):\"([^\"]+)\"|\"((?:E\\.g\\.:|List of values)[^\"]*)\"");

  private static final Set<String> APP_MENU = Set.of("Admin", "Cockpit", "Tasklist", "Welcome");

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "admin", "welcome"})
  void everyEnglishKeyHasItsVietnamese(String app) {
    Map<String, JsonNode> english = leaves(camundasEnglish(app));
    Map<String, JsonNode> vietnamese = leaves(ourVietnamese(app));

    List<String> missing = new ArrayList<>();
    english.forEach((key, value) -> {
      if (!vietnamese.containsKey(key)) {
        missing.add(key + " (English: " + value + ")");
      }
    });
    assertThat(missing)
        .as("keys of Camunda's %s/locales/en.json missing from our %s/locales/vi.json", app, app)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "admin", "welcome"})
  void translationsKeepTheirPlaceholders(String app) {
    Map<String, JsonNode> english = leaves(camundasEnglish(app));
    Map<String, JsonNode> vietnamese = leaves(ourVietnamese(app));

    List<String> broken = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi == null || !en.isTextual() || DELIBERATELY_EMPTY.contains(key)) {
        return;
      }
      List<String> expected = placeholders(en.asText());
      List<String> actual = placeholders(vi.asText());
      if (!expected.equals(actual)) {
        broken.add(key + ": English has " + expected + ", Vietnamese has " + actual + " in \"" + vi.asText() + "\"");
      }
    });
    assertThat(broken).as("placeholders changed in %s/locales/vi.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "admin", "welcome"})
  void everyLabelIsTranslatedInNormalizedVietnamese(String app) {
    Map<String, JsonNode> english = leaves(camundasEnglish(app));
    Map<String, JsonNode> vietnamese = leaves(ourVietnamese(app));

    List<String> wrong = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi == null || !en.isTextual()) {
        return;
      }
      String text = vi.asText();
      if (!vi.isTextual()) {
        wrong.add(key + ": not a string: " + vi);
      } else if (DELIBERATELY_EMPTY.contains(key)) {
        if (!text.isEmpty()) {
          wrong.add(key + ": must stay empty, is \"" + text + "\"");
        }
      } else if (text.isBlank() && !en.asText().isBlank()) {
        wrong.add(key + ": empty");
      } else if (key.startsWith("labels.") && !text.isEmpty() && text.equals(en.asText())
          && !SAME_IN_BOTH.contains(text)) {
        wrong.add(key + ": still English: \"" + text + "\"");
      } else if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
        wrong.add(key + ": not in Unicode NFC (decomposed diacritics): \"" + text + "\"");
      }
    });
    assertThat(wrong).as("translations in %s/locales/vi.json", app).isEmpty();
  }

  /**
   * Tasklist's filter editor passes its criteria (groups, labels, help texts) through the
   * translate filter although en.json has no such keys: they are extra keys of our vi.json.
   * The header's app menu labels are not translated by Camunda at all (assets/cascade/language.js).
   */
  @Test
  void tasklistFilterCriteriaHaveTheirVietnamese() {
    String bootstrap = text(fromWebjar("app/tasklist/camunda-tasklist-bootstrap.js"));
    Map<String, JsonNode> english = leaves(camundasEnglish("tasklist"));
    Map<String, JsonNode> vietnamese = leaves(ourVietnamese("tasklist"));

    List<String> criteria = new ArrayList<>();
    Matcher m = CRITERION.matcher(bootstrap);
    while (m.find()) {
      String text = m.group(1) != null ? m.group(1) : m.group(2);
      if (!english.containsKey("labels." + text) && !APP_MENU.contains(text) && !criteria.contains(text)) {
        criteria.add(text);
      }
    }
    assertThat(criteria).as("filter criteria found in Camunda's Tasklist").contains("Candidate Groups", "Due Before");
    assertThat(criteria.stream().filter(text -> !vietnamese.containsKey("labels." + text)).toList())
        .as("filter criteria without Vietnamese in tasklist/locales/vi.json").isEmpty();
  }

  /**
   * The webjar draws the end-of-life banner in a header widget we cannot configure; our
   * stylesheet hides its text by class. If Camunda renames the class, look again.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
  void theMigrationBannerIsHiddenByOurStylesheet(String app) {
    String bootstrap = text(fromWebjar("app/" + app + "/camunda-" + app + "-bootstrap.js"));
    assertThat(bootstrap).as("Camunda's %s header still draws the banner as class ce-eol-banner", app)
        .contains("class=\"ce-eol-banner\"")
        .contains("BANNER_CE_EOL_TEXT");

    String userStyles = text(ours("app/" + app + "/styles/user-styles.css"));
    assertThat(userStyles).as("%s/styles/user-styles.css imports Cascade's stylesheet", app)
        .contains("@import url(\"../../../assets/cascade/cascade.css\")");

    String css = text(ours("assets/cascade/cascade.css"));
    assertThat(Pattern.compile("\\.ce-eol-banner\\s*\\{[^}]*visibility:\\s*hidden", Pattern.DOTALL).matcher(css).find())
        .as("cascade.css hides the banner's text").isTrue();
  }

  /** Vietnamese first, English selectable, through the documented config.js keys. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "admin", "welcome"})
  void configOffersVietnameseFirstAndEnglish(String app) {
    String config = text(ours("app/" + app + "/scripts/config.js"));
    assertThat(config).as("%s/scripts/config.js", app)
        .contains("availableLocales: ['vi', 'en']")
        .contains("fallbackLocale: 'vi'")
        .contains("customScripts: ['../../assets/cascade/language']")
        .contains("vendor: 'Cascade'");
    assertThat(text(ours("assets/cascade/language.js"))).contains("const language = storedLanguage() || 'vi';");
  }

  // --- reading the files -------------------------------------------------------------------

  private static JsonNode camundasEnglish(String app) {
    return json(fromWebjar("app/" + app + "/locales/en.json"));
  }

  private static JsonNode ourVietnamese(String app) {
    return json(ours("app/" + app + "/locales/vi.json"));
  }

  /** The resource inside camunda-webapp-webjar, whatever else the classpath holds at that path. */
  private static URL fromWebjar(String path) {
    List<URL> found = resources(WEBJAR + path);
    return found.stream()
        .filter(url -> url.toString().contains(WEBJAR_ARTIFACT))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + WEBJAR + path + " in " + WEBJAR_ARTIFACT
            + " on the test classpath (found: " + found + ")"));
  }

  /** Our resource: the one at that path that is not in Camunda's webjar. */
  private static URL ours(String path) {
    List<URL> found = resources(WEBJAR + path).stream()
        .filter(url -> !url.toString().contains(WEBJAR_ARTIFACT))
        .toList();
    assertThat(found).as("our %s%s on the classpath", WEBJAR, path).hasSize(1);
    return found.get(0);
  }

  private static List<URL> resources(String path) {
    try {
      return Collections.list(LocaleCompletenessTest.class.getClassLoader().getResources(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(URL url) {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Camunda's locale files start with a byte order mark.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(URL url) {
    try {
      return JSON.readTree(text(url));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + url, e);
    }
  }

  /** Every value by its path: labels.CLAIM_TASK, dateLocales.months[0], dateLocales.week.dow… */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  /** The placeholders of a string, sorted (translation may reorder them), {{ x }} as {{x}}. */
  static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1) != null ? "{{" + m.group(1) + "}}" : m.group());
    }
    Collections.sort(found);
    return found;
  }
}
