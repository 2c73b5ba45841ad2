package vn.cascade.dashboard;

import java.util.List;

/**
 * The logged-in user as the shared header shows them, and what they may open from it; {@code issuer}:
 * may register Conclusions and issue directives (the intake pages).
 */
record Me(String userId, String name, List<String> agencies, boolean manager, boolean admin, boolean outbox,
    boolean issuer) {

  /** Cockpit shows every process instance: managers and administrators only. */
  public boolean cockpit() {
    return manager || admin;
  }
}
