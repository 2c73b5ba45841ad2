package vn.cascade.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cascade.agency.AgencyChanged;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;

/**
 * The standing grants, made at start and again harmlessly on every start: every agency may use
 * Tasklist and its shared filters and read the process definitions; Văn phòng UBND and the
 * leadership read everything and may open Cockpit. Per-assignment grants are made as
 * assignments start ({@link AssignmentAccess}); candidate groups get their task by the engine's
 * default task permission.
 */
@Component
@Order(16)
class AuthorizationSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);
  static final Set<String> READ_EVERYTHING = Set.of("vp-ubnd", "lanh-dao-ubnd");

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final AgencyDirectory directory;

  AuthorizationSetup(AuthorizationService authorizations, FilterService filters, AgencyDirectory directory) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<Filter> shared = filters.createFilterQuery().list();
    int made = 0;
    for (Agency agency : directory.all()) {
      made += grantStanding(agency.code(), shared);
    }
    LOG.info("Authorizations: {} standing grants added", made);
  }

  /** A new agency of the administrator's page may use Tasklist at once, as those of the directory file. */
  @EventListener
  void agencyChanged(AgencyChanged change) {
    grantStanding(change.agency().code(), filters.createFilterQuery().list());
  }

  private int grantStanding(String g, List<Filter> shared) {
    int made = 0;
    {
      made += grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      made += grant(g, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
      for (Filter filter : shared) {
        made += grant(g, Resources.FILTER, filter.getId(), Permissions.READ);
      }
      if (READ_EVERYTHING.contains(g)) {
        made += grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        made += grant(g, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_HISTORY);
        made += grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        made += grant(g, Resources.TASK, "*", Permissions.READ);
      }
    }
    return made;
  }

  private int grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization auth = existing;
    boolean changed = existing == null;
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (!changed) {
      return 0;
    }
    authorizations.saveAuthorization(auth);
    return 1;
  }
}
