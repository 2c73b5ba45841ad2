package vn.cascade.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What an agency is; "all:department", "all:district" and "all:commune" in a directive select by
 * kind. A directory has the kinds of its time: Đồng Nai 2020 has districts, Đồng Nai after
 * 1 July 2025 has communes (xã, phường) and no district.
 */
public enum AgencyKind {
  DEPARTMENT("các sở, ngành", "các sở, ngành", "các sở, ban, ngành", "các sở, ngành tỉnh", "các sở, ban, ngành tỉnh"),
  DISTRICT("UBND các huyện, thành phố", "UBND các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố",
      "UBND các huyện, thị xã, thành phố", "UBND cấp huyện"),
  COMMUNE("UBND các xã, phường", "UBND các xã, phường", "UBND các phường, xã", "Ủy ban nhân dân các xã, phường",
      "UBND các xã, phường, đặc khu", "UBND cấp xã"),
  OFFICE(null),
  LEADERSHIP(null),
  PARTY(null);

  private final String groupName;
  private final List<String> groupPhrases;

  AgencyKind(String groupName, String... groupPhrases) {
    this.groupName = groupName;
    this.groupPhrases = List.of(groupPhrases);
  }

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "all:commune". */
  public String selector() {
    return AgencyDirectory.ALL_PREFIX + code();
  }

  /** How a letter names every agency of this kind ("UBND các xã, phường"), or the selector when it has no such name. */
  public String groupName() {
    return groupName == null ? selector() : groupName;
  }

  /** The ways a letter writes the group, "UBND các xã, phường" or "UBND các phường, xã"; none for a kind without. */
  List<String> groupPhrases() {
    return groupPhrases;
  }

  @JsonCreator
  public static AgencyKind ofCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
