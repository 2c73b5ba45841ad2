package vn.cascade.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;

/**
 * The province's agencies. They are managed data (table cascade_agency, page /admin/agencies),
 * seeded once, when that table is empty, from the directory file named by
 * {@code cascade.agencies.directory}; another province, or the same province after 1 July 2025
 * (agencies/dong-nai-2025.yaml), is another file. A group of agencies ("all:department",
 * "UBND các xã, phường") selects the active agencies of one kind that this directory has.
 *
 * <p>Reads come from an in-memory copy. A change on this node replaces it at once ({@link #refresh()});
 * a change on another node of a cluster raises the directory's version, which each node compares
 * at most every {@link #RECHECK} when it reads. A deactivated agency stays known by code (its
 * assignments, reports and names in history), but no selector names it and it is offered for nothing new.
 */
@Component
public class AgencyDirectory {

  public static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  /** Selects every agency of a kind, e.g. "all:department". */
  public static final String ALL_PREFIX = "all:";
  /** The national statistics office's administrative-unit code of a commune: five digits. */
  public static final Pattern STATISTICS_CODE = Pattern.compile("^[0-9]{5}$");
  /** How long a node trusts its copy before it asks the database whether another node changed the directory. */
  static final Duration RECHECK = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(AgencyDirectory.class);
  private static final Locale VI = Locale.forLanguageTag("vi");

  /** One state of the directory: every agency, active or not, in the directory's order. */
  record Snapshot(String province, long version, Map<String, Agency> byCode) {
    Snapshot {
      byCode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
    }
  }

  /** What a directory file holds. */
  record DirectoryFile(String province, List<Agency> agencies) {}

  private final AgencyStore store;
  private final long recheckNanos;
  private volatile Snapshot snapshot;
  private volatile long checkedAt = System.nanoTime();

  /** The directory of a file alone, without a database (tests, checks of a file). */
  public AgencyDirectory(Resource file) {
    DirectoryFile read = readFile(file);
    this.store = null;
    this.recheckNanos = RECHECK.toNanos();
    this.snapshot = new Snapshot(read.province(), 0, index(read.agencies()));
  }

  /** The application's directory: the database's, seeded from the file when it has none. */
  @Autowired
  AgencyDirectory(@Value("${cascade.agencies.directory}") Resource file, AgencyStore store) {
    this(file, store, RECHECK);
  }

  /** A node's directory that asks for a newer version at most every {@code recheck}. */
  AgencyDirectory(Resource file, AgencyStore store, Duration recheck) {
    this.store = store;
    this.recheckNanos = recheck.toNanos();
    if (store.isEmpty()) {
      DirectoryFile read = readFile(file);
      if (store.seed(read.province(), file.getDescription(), read.agencies())) {
        LOG.info("Agency directory seeded from {}: {} agencies", file.getDescription(), read.agencies().size());
      }
    }
    this.snapshot = store.load();
    String seededFrom = store.source();
    if (!seededFrom.equals(file.getDescription())) {
      LOG.info("Agency directory from the database (seeded from {}); {} is only read on an empty database",
          seededFrom, file.getDescription());
    }
  }

  /** Reads a directory file, refusing a malformed or repeated code, an agency without a kind or a bad statistics code. */
  static DirectoryFile readFile(Resource file) {
    record Entry(String code, String name, List<String> aliases, AgencyKind kind, String email, List<String> emails,
        String parent, String statisticsCode) {}
    record Raw(String province, List<Entry> agencies) {}
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = file.getInputStream()) {
      Raw read = yaml.readValue(in, Raw.class);
      List<Agency> agencies = new java.util.ArrayList<>();
      Map<String, Agency> byCode = new LinkedHashMap<>();
      for (Entry a : read.agencies()) {
        List<String> emails = new java.util.ArrayList<>();
        if (a.email() != null && !a.email().isBlank()) {
          emails.add(a.email().strip());
        }
        if (a.emails() != null) {
          a.emails().stream().map(String::strip).filter(e -> !e.isEmpty() && !emails.contains(e)).forEach(emails::add);
        }
        Agency agency = new Agency(a.code(), Texts.nfc(a.name()),
            a.aliases() == null ? List.of() : a.aliases().stream().map(Texts::nfc).toList(), a.kind(), emails,
            a.statisticsCode(), a.parent(), true);
        if (agency.code() == null || !CODE.matcher(agency.code()).matches()) {
          throw new IllegalStateException("Agency code '" + agency.code() + "' in " + file + " is not of the form so-khdt");
        }
        if (agency.kind() == null) {
          throw new IllegalStateException("Agency " + agency.code() + " in " + file + " has no kind");
        }
        if (agency.statisticsCode() != null && !STATISTICS_CODE.matcher(agency.statisticsCode()).matches()) {
          throw new IllegalStateException("Agency " + agency.code() + " in " + file + " has the statistics code '"
              + agency.statisticsCode() + "', not five digits");
        }
        if (byCode.put(agency.code(), agency) != null) {
          throw new IllegalStateException("Agency code '" + agency.code() + "' appears twice in " + file);
        }
        agencies.add(agency);
      }
      Map<String, String> statisticsCodes = new HashMap<>();
      for (Agency agency : agencies) {
        if (agency.statisticsCode() != null && statisticsCodes.put(agency.statisticsCode(), agency.code()) != null) {
          throw new IllegalStateException("Statistics code " + agency.statisticsCode() + " appears twice in " + file);
        }
        if (agency.parent() != null && !byCode.containsKey(agency.parent())) {
          throw new IllegalStateException("Agency " + agency.code() + " in " + file + " has the unknown parent "
              + agency.parent());
        }
      }
      return new DirectoryFile(read.province(), List.copyOf(agencies));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the agency directory " + file, e);
    }
  }

  private static Map<String, Agency> index(List<Agency> agencies) {
    Map<String, Agency> byCode = new LinkedHashMap<>();
    agencies.forEach(a -> byCode.put(a.code(), a));
    return byCode;
  }

  /** Reads the directory again from the database, as it is now (after a change on this node). */
  void refresh() {
    if (store != null) {
      snapshot = store.load();
      checkedAt = System.nanoTime();
    }
  }

  private Snapshot current() {
    if (store != null && System.nanoTime() - checkedAt >= recheckNanos) {
      checkedAt = System.nanoTime();
      try {
        if (store.version() != snapshot.version()) {
          snapshot = store.load();
        }
      } catch (DataAccessException e) {
        LOG.warn("Agency directory: cannot check for a newer version, keeping version {}: {}", snapshot.version(),
            e.getMessage());
      }
    }
    return snapshot;
  }

  /** The directory's version: raised by every change. */
  long version() {
    return current().version();
  }

  public String province() {
    return current().province();
  }

  /** Every agency, active or deactivated, in the directory's order (groups, history, lists of past work). */
  public Collection<Agency> all() {
    return current().byCode().values();
  }

  /** The active agencies, those that may be given new work. */
  public List<Agency> active() {
    return all().stream().filter(Agency::active).toList();
  }

  /**
   * Where an assignment of {@code code} may go (a transfer): the active agencies that carry out
   * assignments, other than {@code code}, in Vietnamese order of their names.
   */
  public List<Agency> executorsOtherThan(String code) {
    return active().stream().filter(a -> a.carriesOutAssignments() && !a.code().equals(code))
        .sorted(Agency.BY_NAME).toList();
  }

  /** An agency by code, active or deactivated. */
  public Optional<Agency> find(String code) {
    return Optional.ofNullable(code == null ? null : current().byCode().get(code));
  }

  public Agency get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown agency " + code));
  }

  /** Whether the directory knows the code, active or deactivated. */
  public boolean exists(String code) {
    return code != null && current().byCode().containsKey(code);
  }

  /** Whether the code names an active agency, one that may be given new work. */
  public boolean isActive(String code) {
    return find(code).map(Agency::active).orElse(false);
  }

  /**
   * The active agency a text names, as letters and imported files write it: its code, its full name
   * or one of its aliases ("Sở KH&ĐT"), whatever the case and spacing; empty when none or more than
   * one does. Reads the directory as it is now, so a name added on the administrator's page resolves at once.
   */
  public Optional<Agency> byName(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String wanted = nameKey(text);
    List<Agency> found = all().stream().filter(Agency::active)
        .filter(a -> a.code().equals(wanted) || nameKey(a.name()).equals(wanted)
            || a.aliases().stream().map(AgencyDirectory::nameKey).anyMatch(wanted::equals))
        .toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static String nameKey(String text) {
    return Texts.nfc(text).toLowerCase(VI).replaceAll("\\s+", " ").strip();
  }

  /** The active agencies of a kind, without the units inside an agency: what "all:kind" selects. */
  public List<Agency> ofKind(AgencyKind kind) {
    return all().stream().filter(a -> a.kind() == kind && a.active() && a.parent() == null).toList();
  }

  /** Whether a selector names agencies of this directory: a code, "all:kind" or a group as a letter writes it. */
  public boolean isValidSelector(String selector) {
    return expand(selector).isPresent();
  }

  /**
   * The agencies a selector names: one code, "all:department" / "all:commune" / ..., or a group as
   * a letter writes it ("các sở, ngành", "UBND các xã, phường"). A group of a kind this directory
   * does not have names nobody and is no selector: on the 2025 directory "all:district" and "UBND
   * các huyện, thành phố" are refused, not expanded to an empty set.
   */
  public Optional<List<Agency>> expand(String selector) {
    if (selector == null) {
      return Optional.empty();
    }
    Optional<AgencyKind> group = groupKind(selector);
    if (group.isPresent()) {
      List<Agency> members = ofKind(group.get());
      return members.isEmpty() ? Optional.empty() : Optional.of(members);
    }
    return find(selector).filter(Agency::active).map(List::of);
  }

  /** The kind a group selector selects, "all:commune" or "UBND các xã, phường", whether or not this directory has any. */
  public static Optional<AgencyKind> groupKind(String selector) {
    if (selector == null) {
      return Optional.empty();
    }
    if (selector.startsWith(ALL_PREFIX)) {
      try {
        return Optional.of(AgencyKind.ofCode(selector.substring(ALL_PREFIX.length())));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(GROUPS_BY_PHRASE.get(groupPhrase(selector)));
  }

  /**
   * Why a selector names no agency of this directory, in Vietnamese, for the person who wrote it:
   * a group this directory does not have ("UBND các huyện, thành phố" after 1 July 2025), or an
   * unknown code.
   */
  public String unknownSelectorMessage(String selector) {
    Optional<AgencyKind> group = groupKind(selector);
    if (group.isPresent()) {
      AgencyKind kind = group.get();
      String message = "Danh mục cơ quan của tỉnh " + province() + " không có " + kind.groupName() + " ("
          + kind.selector() + ")";
      if (kind == AgencyKind.DISTRICT && !ofKind(AgencyKind.COMMUNE).isEmpty()) {
        message += ": từ ngày 01/7/2025 không còn cấp huyện, xin giao cho " + AgencyKind.COMMUNE.groupName() + " ("
            + AgencyKind.COMMUNE.selector() + ")";
      }
      return message + ".";
    }
    return unknownCodeMessage(selector);
  }

  /** Why a code names no active agency: a deactivated one, or none at all. */
  public String unknownCodeMessage(String code) {
    if (exists(code)) {
      return "Cơ quan " + get(code).name() + " (" + code + ") đã ngừng hoạt động trong danh mục, không giao việc mới được.";
    }
    return "Mã cơ quan không có trong danh mục: " + Texts.abbreviate(code, 64) + ".";
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.;:]+$");
  /**
   * Each kind's group phrases as {@link #groupPhrase} normalises them, once: every selector of every
   * item is checked on each issue. After the patterns, which static fields initialise in order.
   */
  private static final Map<String, AgencyKind> GROUPS_BY_PHRASE = groupsByPhrase();

  private static Map<String, AgencyKind> groupsByPhrase() {
    Map<String, AgencyKind> groups = new HashMap<>();
    for (AgencyKind kind : AgencyKind.values()) {
      for (String phrase : kind.groupPhrases()) {
        groups.putIfAbsent(groupPhrase(phrase), kind);
      }
    }
    return Map.copyOf(groups);
  }

  /** "Chủ tịch Ủy ban nhân dân các xã,  phường." → "ubnd các xã, phường". */
  private static String groupPhrase(String text) {
    String s = Texts.nfc(text).toLowerCase(VI);
    s = TRAILING_PUNCTUATION.matcher(SPACES.matcher(s).replaceAll(" ")).replaceAll("").strip();
    s = s.replace("ủy ban nhân dân", "ubnd").replace("uỷ ban nhân dân", "ubnd");
    for (String title : List.of("chủ tịch ", "giám đốc, thủ trưởng ", "thủ trưởng ")) {
      if (s.startsWith(title)) {
        s = s.substring(title.length());
      }
    }
    return s.replace(" ,", ",");
  }

  public String shortName(String code) {
    return find(code).map(Agency::shortName).orElse(code);
  }
}
