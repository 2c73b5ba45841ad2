package vn.cascade.agency;

import java.util.List;

/**
 * An agency of the province's directory; its code is also its Camunda group id. A commune-level
 * unit also has the national statistics office's administrative-unit code ("26068"), null otherwise.
 */
public record Agency(String code, String name, List<String> aliases, AgencyKind kind, String email,
    String statisticsCode) {

  public Agency(String code, String name, List<String> aliases, AgencyKind kind, String email) {
    this(code, name, aliases, kind, email, null);
  }

  public Agency {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  private static final int SHORT = 30;

  /**
   * The name used in lists: the full name when it is short ("Sở Y tế"), otherwise the first alias
   * that is more than an acronym ("UBND TP Long Khánh").
   */
  public String shortName() {
    if (name.length() <= SHORT) {
      return name;
    }
    return aliases.stream().filter(a -> a.contains(" ")).findFirst().orElse(name);
  }
}
