package vn.cascade.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A person's name as pages show it ("Cán bộ Sở Y tế"), never a bare user id; the id only when the
 * user no longer exists. Pages call it as {@code ${@people.name(id)}}.
 */
@Component("people")
public class UserNames {

  private final IdentityService identityService;

  UserNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    User u = identityService.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
        + (u.getLastName() == null ? "" : u.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
