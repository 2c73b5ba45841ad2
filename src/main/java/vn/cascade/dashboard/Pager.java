package vn.cascade.dashboard;

import java.util.Locale;

/**
 * One page of an assignment table: which page (from 1), how many rows a page holds, how many rows
 * the table has in all. A {@code ?page=} or {@code ?size=} that makes no sense is clamped to the
 * nearest page or size that does, and {@code problem} says so in Vietnamese.
 */
record Pager(int page, int size, int rows, String problem) {

  static final int DEFAULT_SIZE = 100;
  static final int MIN_SIZE = 10;
  static final int MAX_SIZE = 500;
  private static final Locale VI = Locale.forLanguageTag("vi-VN");

  /**
   * What the address asked for, as typed. {@link #ALL} — this very instance, not any request
   * equal to it — is every row on one page (the exports).
   */
  record Request(String page, String size) {
    static final Request ALL = new Request(null, null);
  }

  static Pager of(Request request, int rows) {
    if (request == Request.ALL) {
      return new Pager(1, Math.max(rows, 1), rows, null);
    }
    StringBuilder problem = new StringBuilder();
    int size = DEFAULT_SIZE;
    String sizeText = strip(request.size());
    if (sizeText != null) {
      Integer asked = number(sizeText);
      if (asked == null) {
        problem.append("Số dòng mỗi trang \"").append(sizeText).append("\" không phải số; hiển thị ")
            .append(DEFAULT_SIZE).append(" dòng mỗi trang. ");
      } else if (asked < MIN_SIZE || asked > MAX_SIZE) {
        size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, asked));
        problem.append("Số dòng mỗi trang phải từ ").append(MIN_SIZE).append(" đến ").append(MAX_SIZE)
            .append("; hiển thị ").append(size).append(" dòng mỗi trang. ");
      } else {
        size = asked;
      }
    }
    int pages = pages(rows, size);
    int page = 1;
    String pageText = strip(request.page());
    if (pageText != null) {
      Integer asked = number(pageText);
      if (asked == null) {
        problem.append("Số trang \"").append(pageText).append("\" không phải số; hiển thị trang 1.");
      } else if (asked < 1) {
        problem.append("Không có trang ").append(asked).append("; trang đầu là trang 1.");
      } else if (asked > pages) {
        page = pages;
        problem.append("Không có trang ").append(asked).append(": bảng chỉ có ").append(pages)
            .append(" trang; hiển thị trang cuối (trang ").append(pages).append(").");
      } else {
        page = asked;
      }
    }
    return new Pager(page, size, rows, problem.isEmpty() ? null : problem.toString().strip());
  }

  public int pages() {
    return pages(rows, size);
  }

  int offset() {
    return (page - 1) * size;
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }

  /** Number (from 1) of the first row on this page; 0 when the table is empty. */
  public int firstRow() {
    return rows == 0 ? 0 : offset() + 1;
  }

  public int lastRow() {
    return Math.min(rows, offset() + size);
  }

  /** Vietnamese thousands: 10.000. */
  public String rowsText() {
    return String.format(VI, "%,d", rows);
  }

  /**
   * The address of page {@code n} of the table at {@code base} (which carries the context path),
   * keeping the bucket filter and a size other than the default.
   */
  public String href(String base, String status, int n) {
    StringBuilder href = new StringBuilder(base).append('?');
    if (status != null && !status.isBlank()) {
      href.append("status=").append(status.strip()).append('&');
    }
    href.append("page=").append(n);
    if (size != DEFAULT_SIZE) {
      href.append("&size=").append(size);
    }
    return href.toString();
  }

  private static int pages(int rows, int size) {
    return Math.max(1, (rows + size - 1) / size);
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Integer number(String text) {
    if (!text.matches("[+-]?\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(text);
  }
}
