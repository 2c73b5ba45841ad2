package vn.cascade;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.conclusion.ConclusionDraft;
import vn.cascade.directive.DirectiveDraft;

/** Small documents for tests, each with a number no other test uses. */
public final class TestDocuments {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  private TestDocuments() {}

  public static String uniqueNumber(String symbol) {
    return SEQUENCE.incrementAndGet() + "/" + symbol;
  }

  /** A directive issued on the day given, reports due 16 days later, summary 21: one item per agency. */
  public static DirectiveDraft directive(LocalDate issuedOn, String... agencies) {
    List<DirectiveDraft.Item> items = new java.util.ArrayList<>();
    int n = 0;
    for (String agency : agencies) {
      n++;
      items.add(new DirectiveDraft.Item(n, "Giao " + agency, List.of(agency), List.of(1),
          List.of(new DirectiveDraft.Bullet("Thực hiện nội dung thứ " + n + " của văn bản.", List.of()))));
    }
    return directive(issuedOn, items);
  }

  /** The same directive with the items given (coordinating agencies, groups of agencies, odd texts). */
  public static DirectiveDraft directive(LocalDate issuedOn, List<DirectiveDraft.Item> items) {
    return new DirectiveDraft(uniqueNumber("UBND-TEST"), issuedOn, "Đồng Nai", "Ủy ban nhân dân tỉnh Đồng Nai",
        "lanh-dao-ubnd", "Nguyễn Văn A", "Chủ tịch", "V/v thử nghiệm quy trình", List.of(), null,
        issuedOn.plusDays(16), null, "Báo cáo kết quả trước hạn.", issuedOn.plusDays(21), null, null, null, null,
        null, List.of(), items, List.of(), null);
  }

  public static ConclusionDraft conclusion(LocalDate issuedOn) {
    return new ConclusionDraft(SEQUENCE.incrementAndGet() + "-KL/TU",
        issuedOn, "Đồng Nai", "Ban Chấp hành Đảng bộ tỉnh Đồng Nai", "tinh-uy", "Trần Văn B", "Phó Bí thư",
        "Kết luận về nhiệm vụ trọng tâm (thử nghiệm)", issuedOn.plusDays(152),
        "Ban Thường vụ Tỉnh ủy", List.of(new ConclusionDraft.Item(1, "Rà soát kết quả thực hiện."),
            new ConclusionDraft.Item(2, "Thu hút đầu tư.")), List.of("Các cấp ủy trực thuộc tỉnh"));
  }

  /** What an agency types into its report form. */
  public static Map<String, Object> report(String overall, String... bulletResults) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < bulletResults.length; i++) {
      v.put(AgencyAssignmentProcess.bulletResult(i + 1).name(), bulletResults[i]);
    }
    v.put(AgencyAssignmentProcess.OVERALL_RESULT.name(), overall);
    v.put(AgencyAssignmentProcess.DIFFICULTIES.name(), "Không có.");
    v.put(AgencyAssignmentProcess.PROPOSALS.name(), "Không có.");
    v.put(AgencyAssignmentProcess.COMPLETION_STATUS.name(), AgencyAssignmentProcess.STATUS_COMPLETED);
    v.put(AgencyAssignmentProcess.CONTACT_PERSON.name(), "Lê Thị Hồng");
    v.put(AgencyAssignmentProcess.CONTACT_PHONE.name(), "0251 3822 505");
    return v;
  }

  public static List<String> list(String... s) {
    return Arrays.asList(s);
  }
}
