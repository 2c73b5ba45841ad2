package vn.cascade.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is asking: the logged-in Camunda user and their groups (agency codes). Managers —
 * Văn phòng UBND, Sở KH&ĐT, the UBND leadership and administrators — see every agency's rows;
 * anyone else sees only the rows of their own agencies.
 */
@Component
public class CurrentUser {

  public static final Set<String> MANAGER_GROUPS = Set.of("vp-ubnd", "so-khdt", "lanh-dao-ubnd", "camunda-admin");
  /** Who may register Conclusions and issue directives through the API. */
  public static final Set<String> ISSUER_GROUPS = Set.of("vp-ubnd", "lanh-dao-ubnd", "camunda-admin");

  public String userId() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a == null ? null : a.getName();
  }

  public Set<String> groups() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null) {
      return Set.of();
    }
    return a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(s -> s.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
        .map(s -> s.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isManager() {
    return groups().stream().anyMatch(MANAGER_GROUPS::contains);
  }

  public boolean isIssuer() {
    return groups().stream().anyMatch(ISSUER_GROUPS::contains);
  }

  public boolean isAdmin() {
    return groups().contains("camunda-admin");
  }

  /** Whether the user may see the rows of this agency. */
  public boolean maySee(String agencyCode) {
    return isManager() || groups().contains(agencyCode);
  }
}
