package vn.cascade.dashboard;

import org.springframework.http.HttpStatus;

/** A page that cannot be shown: not found, or not this user's to see. */
class DashboardException extends RuntimeException {

  private final HttpStatus status;

  DashboardException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  static DashboardException notFound(String message) {
    return new DashboardException(HttpStatus.NOT_FOUND, message);
  }

  static DashboardException forbidden(String message) {
    return new DashboardException(HttpStatus.FORBIDDEN, message);
  }

  HttpStatus status() {
    return status;
  }
}
