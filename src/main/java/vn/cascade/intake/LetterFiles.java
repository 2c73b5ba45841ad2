package vn.cascade.intake;

/**
 * The text of a letter's file: PDF (its text layer, or OCR of its pages when it is a scan), DOCX
 * (paragraphs and tables in document order), an image (OCR) or UTF-8 text. Pure: no Spring.
 */
public final class LetterFiles {

  /** The largest file read: 20 MB. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  private LetterFiles() {}

  /**
   * The letter's text, ready for {@link DirectiveImport#read} or {@link ConclusionImport#read}.
   *
   * @param fileName the uploaded file's name (may be null)
   * @param contentType the type the browser sent (may be null; the bytes decide)
   * @throws LetterFileException with a Vietnamese message and the HTTP status to answer
   */
  public static String text(String fileName, String contentType, byte[] bytes) {
    throw new LetterFileException(400, "Chưa hỗ trợ đọc tệp.");
  }
}
