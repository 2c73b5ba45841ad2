package vn.cascade.intake;

/**
 * A letter's file that cannot be read, with the Vietnamese message to show and the HTTP status to
 * answer: 400 (empty, unreadable, wrong type, protected), 413 (too large) or 503 (OCR not installed).
 */
public class LetterFileException extends RuntimeException {

  private final int status;

  public LetterFileException(int status, String message) {
    super(message);
    this.status = status;
  }

  public LetterFileException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** 400, 413 or 503. */
  public int status() {
    return status;
  }
}
