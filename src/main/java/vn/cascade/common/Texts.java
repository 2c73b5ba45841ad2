package vn.cascade.common;

import java.text.Normalizer;
import java.text.NumberFormat;
import java.util.Locale;

/** Small helpers for Vietnamese text coming in and going out. */
public final class Texts {

  /** Camunda stores a String variable in a column of 4000 characters. */
  public static final int MAX_STRING_VARIABLE = 4000;

  private Texts() {}

  public static String nfc(String s) {
    return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
  }

  /** Whether a text holds NUL or another control character than tab, line feed and carriage return. */
  public static boolean hasControlCharacters(String s) {
    return s != null && s.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f);
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, Math.max(0, max - 1)).strip() + "…";
  }

  /** A count the Vietnamese way: 4.006. */
  public static String thousands(int n) {
    return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(n);
  }

  /** Keeps a text that becomes a String process variable within the engine's column size. */
  public static String fitVariable(String s) {
    return s == null || s.length() <= MAX_STRING_VARIABLE ? s : s.substring(0, MAX_STRING_VARIABLE - 1) + "…";
  }
}
