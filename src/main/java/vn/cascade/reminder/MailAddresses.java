package vn.cascade.reminder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;

/** Where an agency's mail goes: the agency's own addresses (read from the directory as it is now) and the address of each of its users. */
@Component
public class MailAddresses {

  private final AgencyDirectory agencies;
  private final IdentityService identityService;

  MailAddresses(AgencyDirectory agencies, IdentityService identityService) {
    this.agencies = agencies;
    this.identityService = identityService;
  }

  public List<String> of(String agencyCode) {
    Set<String> found = new LinkedHashSet<>();
    Agency agency = agencies.get(agencyCode);
    agency.emails().stream().filter(e -> !e.isBlank()).forEach(found::add);
    for (User user : identityService.createUserQuery().memberOfGroup(agencyCode).list()) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        found.add(user.getEmail());
      }
    }
    return List.copyOf(found);
  }
}
