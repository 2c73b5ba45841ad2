package vn.cascade.common;

/** The request is well formed but the process is not at a point where it can be accepted. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
