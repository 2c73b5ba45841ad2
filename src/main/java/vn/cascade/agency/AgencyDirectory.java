package vn.cascade.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;

/**
 * The province's agencies, read once from the directory file named by
 * {@code cascade.agencies.directory}; another province, or the same province after 1 July 2025
 * (agencies/dong-nai-2025.yaml), is another file. A group of agencies ("all:department",
 * "UBND các xã, phường") selects the agencies of one kind that this directory has.
 */
@Component
public class AgencyDirectory {

  public static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  /** Selects every agency of a kind, e.g. "all:department". */
  public static final String ALL_PREFIX = "all:";
  /** The national statistics office's administrative-unit code of a commune: five digits. */
  public static final Pattern STATISTICS_CODE = Pattern.compile("^[0-9]{5}$");

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final String province;
  private final Map<String, Agency> byCode = new LinkedHashMap<>();

  public AgencyDirectory(@Value("${cascade.agencies.directory}") Resource file) {
    record DirectoryFile(String province, List<Agency> agencies) {}
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = file.getInputStream()) {
      DirectoryFile read = yaml.readValue(in, DirectoryFile.class);
      this.province = read.province();
      for (Agency a : read.agencies()) {
        Agency agency = new Agency(a.code(), Texts.nfc(a.name()),
            a.aliases().stream().map(Texts::nfc).toList(), a.kind(), a.email(), a.statisticsCode());
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
      }
      Map<String, String> statisticsCodes = new HashMap<>();
      for (Agency agency : byCode.values()) {
        if (agency.statisticsCode() != null && statisticsCodes.put(agency.statisticsCode(), agency.code()) != null) {
          throw new IllegalStateException("Statistics code " + agency.statisticsCode() + " appears twice in " + file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the agency directory " + file, e);
    }
  }

  public String province() {
    return province;
  }

  public Collection<Agency> all() {
    return byCode.values();
  }

  public Optional<Agency> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  public Agency get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown agency " + code));
  }

  public boolean exists(String code) {
    return code != null && byCode.containsKey(code);
  }

  public List<Agency> ofKind(AgencyKind kind) {
    return byCode.values().stream().filter(a -> a.kind() == kind).toList();
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
    return find(selector).map(List::of);
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
    String phrase = groupPhrase(selector);
    for (AgencyKind kind : AgencyKind.values()) {
      if (kind.groupPhrases().stream().map(AgencyDirectory::groupPhrase).anyMatch(phrase::equals)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
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
      String message = "Danh mục cơ quan của tỉnh " + province + " không có " + kind.groupName() + " ("
          + kind.selector() + ")";
      if (kind == AgencyKind.DISTRICT && !ofKind(AgencyKind.COMMUNE).isEmpty()) {
        message += ": từ ngày 01/7/2025 không còn cấp huyện, xin giao cho " + AgencyKind.COMMUNE.groupName() + " ("
            + AgencyKind.COMMUNE.selector() + ")";
      }
      return message + ".";
    }
    return "Mã cơ quan không có trong danh mục: " + Texts.abbreviate(selector, 64) + ".";
  }

  /** "Chủ tịch Ủy ban nhân dân các xã,  phường." → "ubnd các xã, phường". */
  private static String groupPhrase(String text) {
    String s = Texts.nfc(text).toLowerCase(VI).replaceAll("\\s+", " ").replaceAll("[.;:]+$", "").strip();
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
