package vn.cascade.agency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes every agency of the directory a Camunda group at start, and a new or renamed agency's at
 * once ({@link AgencyChanged}); running it twice changes nothing. A deactivated agency keeps its group.
 */
@Component
@Order(10)
class AgencyGroupSync implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AgencyGroupSync.class);

  private final AgencyDirectory directory;
  private final IdentityService identityService;

  AgencyGroupSync(AgencyDirectory directory, IdentityService identityService) {
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (Agency agency : directory.all()) {
      created += sync(agency);
    }
    LOG.info("Agency directory of {}: {} agencies, {} groups created", directory.province(), directory.all().size(), created);
  }

  @EventListener
  void changed(AgencyChanged change) {
    sync(change.agency());
  }

  /** 1 when the group was created. */
  private int sync(Agency agency) {
    Group group = identityService.createGroupQuery().groupId(agency.code()).singleResult();
    int created = 0;
    if (group == null) {
      group = identityService.newGroup(agency.code());
      created = 1;
    } else if (agency.name().equals(group.getName()) && agency.kind().code().equals(group.getType())) {
      return 0;
    }
    group.setName(agency.name());
    group.setType(agency.kind().code());
    identityService.saveGroup(group);
    return created;
  }
}
