package vn.cascade.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Cascade's pages and API log in against the Camunda users: the same user ids, passwords and
 * groups as Tasklist. A wrong password slows the next try of that user from that address
 * ({@link LoginThrottle}); a throttled try is refused without checking its password.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null) {
      throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    Duration wait = throttle.remainingWait(user, address);
    if (!wait.isZero()) {
      throw new LockedException("Đã nhập sai mật khẩu; vui lòng thử lại sau " + (wait.toSeconds() + 1) + " giây.");
    }
    if (!identityService.checkPassword(user, credentials.toString())) {
      throttle.failed(user, address);
      throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    throttle.succeeded(user, address);
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(user).list()) {
      authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()));
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
