package vn.cascade.agency;

import java.util.List;

/**
 * An agency of the province's directory; its code is also its Camunda group id. A commune-level
 * unit also has the national statistics office's administrative-unit code ("26068"), null otherwise.
 * A unit inside an agency names that agency as its parent. A deactivated agency ({@code active}
 * false) keeps its code, its history and its past assignments, but is offered for nothing new.
 */
public record Agency(String code, String name, List<String> aliases, AgencyKind kind, List<String> emails,
    String statisticsCode, String parent, boolean active) {

  public Agency(String code, String name, List<String> aliases, AgencyKind kind, String email) {
    this(code, name, aliases, kind, email, null);
  }

  public Agency(String code, String name, List<String> aliases, AgencyKind kind, String email, String statisticsCode) {
    this(code, name, aliases, kind, email == null || email.isBlank() ? List.of() : List.of(email), statisticsCode,
        null, true);
  }

  public Agency {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** Agencies in the order of their names as Vietnamese sorts them ("Sở Kế hoạch" before "Sở Khoa học"). */
  public static final java.util.Comparator<Agency> BY_NAME = java.util.Comparator.comparing(Agency::name,
      java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi")));

  private static final int SHORT = 30;

  /** The first of its mail addresses (the one a demo user gets), null when it has none. */
  public String email() {
    return emails.isEmpty() ? null : emails.get(0);
  }

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

  /**
   * Whether it can be given an assignment to carry out: not the province's leadership, which assigns
   * and approves, nor the Party's committee, to which the UBND reports.
   */
  public boolean carriesOutAssignments() {
    return kind != AgencyKind.LEADERSHIP && kind != AgencyKind.PARTY;
  }

  Agency withActive(boolean value) {
    return new Agency(code, name, aliases, kind, emails, statisticsCode, parent, value);
  }
}
