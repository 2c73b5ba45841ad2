package vn.cascade.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;

/**
 * The province's agencies, read once from the directory file named by
 * {@code cascade.agencies.directory}; another province is another file.
 */
@Component
public class AgencyDirectory {

  public static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  /** Selects every agency of a kind, e.g. "all:department". */
  public static final String ALL_PREFIX = "all:";

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
            a.aliases().stream().map(Texts::nfc).toList(), a.kind(), a.email());
        if (!CODE.matcher(agency.code()).matches()) {
          throw new IllegalStateException("Agency code '" + agency.code() + "' in " + file + " is not of the form so-khdt");
        }
        if (byCode.put(agency.code(), agency) != null) {
          throw new IllegalStateException("Agency code '" + agency.code() + "' appears twice in " + file);
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

  /** Whether a selector is a code of the directory or "all:kind". */
  public boolean isValidSelector(String selector) {
    return expand(selector).isPresent();
  }

  /** The agencies a selector names: one code, or "all:department" / "all:district" / ... */
  public Optional<List<Agency>> expand(String selector) {
    if (selector == null) {
      return Optional.empty();
    }
    if (selector.startsWith(ALL_PREFIX)) {
      try {
        return Optional.of(ofKind(AgencyKind.ofCode(selector.substring(ALL_PREFIX.length()))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return find(selector).map(List::of);
  }

  public String shortName(String code) {
    return find(code).map(Agency::shortName).orElse(code);
  }
}
