package vn.cascade.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file to download under a Vietnamese name: {@code filename*=UTF-8''…} (RFC 5987/6266) for
 * browsers, and an ASCII name without diacritics as the fallback for the others.
 */
final class Downloads {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private Downloads() {}

  static ResponseEntity<byte[]> file(byte[] content, MediaType type, String vietnameseName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(vietnameseName))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }

  /** A file an officer uploaded, as it was: its own type and name, never shown inline nor sniffed. */
  static ResponseEntity<byte[]> letter(byte[] content, String contentType, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }

  static String contentDisposition(String name) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded;
  }

  /** "Báo cáo tổng hợp 8888/UBND-THNC.docx" → "Bao-cao-tong-hop-8888-UBND-THNC.docx". */
  static String ascii(String name) {
    String s = Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
    s = s.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    return s.replaceAll("-\\.", ".");
  }

  /** A document number as it can appear in a file name: "8888/UBND-THNC" → "8888-UBND-THNC". */
  static String number(String documentNumber) {
    return documentNumber.replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
  }
}
