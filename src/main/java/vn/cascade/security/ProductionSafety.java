package vn.cascade.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, Cascade refuses to start without a real administrator password:
 * set {@code camunda.bpm.admin-user.id} and {@code camunda.bpm.admin-user.password}
 * (environment: CAMUNDA_BPM_ADMINUSER_ID, CAMUNDA_BPM_ADMINUSER_PASSWORD).
 */
@Component
@Profile("!demo")
class ProductionSafety {

  static final int MIN_PASSWORD_LENGTH = 12;

  ProductionSafety(@Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    check(adminId, adminPassword);
  }

  static void check(String adminId, String adminPassword) {
    if (adminId == null || adminId.isBlank()) {
      throw new IllegalStateException("Cascade refuses to start: no administrator is configured. Set "
          + "camunda.bpm.admin-user.id and camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMINUSER_ID, "
          + "CAMUNDA_BPM_ADMINUSER_PASSWORD), or run the demo profile on a test machine.");
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalStateException("Cascade refuses to start: the administrator '" + adminId
          + "' has no password (camunda.bpm.admin-user.password / CAMUNDA_BPM_ADMINUSER_PASSWORD).");
    }
    if (adminPassword.equalsIgnoreCase(adminId)) {
      throw new IllegalStateException("Cascade refuses to start: the administrator's password equals its user id.");
    }
    if (adminPassword.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("Cascade refuses to start: the administrator's password is shorter than "
          + MIN_PASSWORD_LENGTH + " characters.");
    }
  }
}
