package vn.cascade.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an agency is; "all:department" and "all:district" in a directive select by kind. */
public enum AgencyKind {
  DEPARTMENT,
  DISTRICT,
  OFFICE,
  LEADERSHIP,
  PARTY;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AgencyKind ofCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
