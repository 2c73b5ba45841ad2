package vn.cascade.dashboard;

import java.util.Set;
import vn.cascade.security.CurrentUser;

/**
 * Whose rows a viewer may see: managers (Văn phòng UBND, Sở KH&ĐT, UBND leadership, admins) see
 * every agency's; anyone else only the rows of the agencies whose group they belong to.
 */
record Visibility(boolean all, Set<String> agencies) {

  static Visibility of(CurrentUser user) {
    return new Visibility(user.isManager(), user.groups());
  }

  boolean sees(String agencyCode) {
    return all || agencies.contains(agencyCode);
  }
}
