package vn.cascade.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Grants an assignment's process instance to the agency that reports on it and to the agency
 * that collects the directive's reports, and revokes both when the assignment ends.
 */
@Component
public class AssignmentAccess {

  private final AuthorizationService authorizations;

  AssignmentAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /**
   * Grants a process instance that has just started, in the transaction that started it: no grant
   * can exist for it yet, so none is looked up. (An operator who starts its first step again in
   * Cockpit meets the unique constraint of the grants, and the step becomes an incident.)
   */
  public void grantNew(String processInstanceId, String... groups) {
    grant(processInstanceId, java.util.Set.of(), groups);
  }

  public void grant(String processInstanceId, String... groups) {
    java.util.Set<String> wanted = new java.util.LinkedHashSet<>(java.util.List.of(groups));
    // One query for all the groups: those already granted are skipped.
    java.util.Set<String> granted = new java.util.HashSet<>();
    authorizations.createAuthorizationQuery().groupIdIn(wanted.toArray(String[]::new))
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
        .forEach(auth -> granted.add(auth.getGroupId()));
    grant(processInstanceId, granted, groups);
  }

  private void grant(String processInstanceId, java.util.Set<String> granted, String... groups) {
    for (String group : new java.util.LinkedHashSet<>(java.util.List.of(groups))) {
      if (granted.contains(group)) {
        continue;
      }
      Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(Resources.PROCESS_INSTANCE);
      auth.setResourceId(processInstanceId);
      auth.addPermission(Permissions.READ);
      authorizations.saveAuthorization(auth);
    }
  }

  /** One group loses its grant on the process instance (an assignment transferred away from it). */
  public void revokeGroup(String processInstanceId, String group) {
    for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).groupIdIn(group).list()) {
      authorizations.deleteAuthorization(auth.getId());
    }
  }

  /**
   * One group loses what it was granted on a task: the engine grants a candidate group the task
   * when the group is added, and keeps that grant when the candidate group is deleted.
   */
  public void revokeTask(String taskId, String group) {
    for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(taskId).groupIdIn(group).list()) {
      authorizations.deleteAuthorization(auth.getId());
    }
  }

  public void revoke(String processInstanceId) {
    for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).list()) {
      authorizations.deleteAuthorization(auth.getId());
    }
  }
}
