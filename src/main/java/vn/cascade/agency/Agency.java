package vn.cascade.agency;

import java.util.List;

/** An agency of the province's directory; its code is also its Camunda group id. */
public record Agency(String code, String name, List<String> aliases, AgencyKind kind, String email) {

  public Agency {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The short name used in lists, e.g. "Sở KH&ĐT". */
  public String shortName() {
    return aliases.isEmpty() ? name : aliases.get(0);
  }
}
