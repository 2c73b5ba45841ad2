package vn.cascade.common;

/**
 * Texts shown in a form's Text views are markdown: what an agency or a letter wrote is escaped
 * so that it reads as written and never becomes a link, an image or markup.
 */
public final class Markdown {

  private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~&\"'=";

  private Markdown() {}

  /** The text as literal markdown; its line breaks kept. Null stays null. */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (String line : s.strip().split("\\R", -1)) {
      if (!b.isEmpty()) {
        b.append(line.isBlank() ? "\n" : "  \n");
      }
      for (char c : line.toCharArray()) {
        if (SPECIAL.indexOf(c) >= 0) {
          b.append('\\');
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
