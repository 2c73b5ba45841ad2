package vn.cascade.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentDeadlines;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.attachment.AttachmentService;
import vn.cascade.common.VnDates;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;
import vn.cascade.reminder.NotificationKind;
import vn.cascade.reminder.NotificationOutbox;
import vn.cascade.reminder.OutboxFixtures;

/**
 * The dashboards over one small directive of our own whose five assignments sit in known
 * buckets at a known instant ("now" = 17 days after issue, the reporting deadline passed):
 * <ul>
 *   <li>item 1, Sở Y tế: reported on the day of issue — đã báo cáo đúng hạn (its report
 *       carries a {@code <script>} and a {@code =1+1});</li>
 *   <li>item 2, Công an tỉnh: reported now — đã báo cáo quá hạn;</li>
 *   <li>item 3, Sở TN&MT: extended to day 30, after the summary's day 21 — chưa báo cáo,
 *       trong hạn, and a consistency warning;</li>
 *   <li>item 4, UBND TP Long Khánh: nothing — chưa báo cáo, quá hạn; one reminder and one
 *       urging in the outbox;</li>
 *   <li>item 5, Sở Công Thương: extended to day 19 — chưa báo cáo, trong hạn, sắp đến hạn;</li>
 *   <li>item 6, Sở Nội vụ: submitted on day 0, returned, submitted again on day 1 and accepted
 *       only now — đã báo cáo đúng hạn (the review does not make it late);</li>
 *   <li>item 7, Sở GTVT: submitted on day 16 (after the deadline) with a file attached, not
 *       reviewed yet — still chưa báo cáo, quá hạn, shown as waiting for review.</li>
 * </ul>
 * The directive implements a Conclusion whose report back (day 12) comes before the summary
 * (day 21): the second warning. Other tests share the database, so nothing here counts globally.
 */
class DashboardTest extends CascadeIntegrationTest {

  private static final String MANAGER = "vp-ubnd";
  private static final String DISTRICT = "ubnd-long-khanh";

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AssignmentDeadlines deadlines;
  @Autowired ConclusionService conclusions;
  @Autowired NotificationOutbox outbox;
  @Autowired ObjectMapper json;
  @Autowired AttachmentService attachments;

  /** Built once for the class; every test reads it at the same instant. */
  private static Fixture fixture;

  record Fixture(Directive directive, LocalDate day0, Instant now, Map<String, Assignment> byAgency) {
    long id() {
      return directive.id();
    }

    String number() {
      return directive.number();
    }

    long assignment(String agency) {
      return byAgency.get(agency).id();
    }
  }

  @BeforeEach
  void atTheFixturesInstant() {
    if (fixture == null) {
      fixture = build();
    }
    clock.set(fixture.now());
  }

  private Fixture build() {
    LocalDate day0 = LocalDate.now(clock);
    at(day0, 9);
    Conclusion conclusion = conclusions.register(TestDocuments.conclusion(day0.minusDays(140)));
    Directive d = directives.issue(draft(day0, conclusion.number()));

    reportAndAccept("so-yt", of(d, "so-yt").processInstanceId(), report(
        "<script>alert('xss')</script> Đã tổ chức 24 đợt kiểm tra.", "=1+1 kết quả nội dung 1", "Kết quả nội dung 2"));
    String interior = of(d, "so-nv").processInstanceId();
    completeAs("so-nv", taskOf(interior, AgencyAssignmentProcess.TASK_REPORT_RESULTS), report("Bản đầu."));
    completeAs(reviewer(interior), taskOf(interior, AgencyAssignmentProcess.TASK_REVIEW_REPORT), Map.of(
        AgencyAssignmentProcess.REVIEW_DECISION.name(), "return",
        AgencyAssignmentProcess.REVIEW_COMMENT.name(), "Bổ sung số liệu cải cách hành chính."));
    executeAsyncJobs();
    deadlines.moveDeadline(of(d, "so-tnmt").id(), day0.plusDays(30));
    deadlines.moveDeadline(of(d, "so-ct").id(), day0.plusDays(19));

    at(day0.plusDays(1), 9);
    completeAs("so-nv", taskOf(interior, AgencyAssignmentProcess.TASK_REPORT_RESULTS), report("Bản đã bổ sung số liệu."));
    executeAsyncJobs();
    at(day0.plusDays(16), 12);
    String transport = of(d, "so-gtvt").processInstanceId();
    completeAs("so-gtvt", taskOf(transport, AgencyAssignmentProcess.TASK_REPORT_RESULTS), report("Nộp sau hạn."));
    executeAsyncJobs();
    attachAs("so-gtvt", of(d, "so-gtvt"), "Báo cáo <i>GTVT.pdf");

    Instant now = at(day0.plusDays(17), 10);
    reportAndAccept("ca-tinh", of(d, "ca-tinh").processInstanceId(), report("Báo cáo muộn của Công an tỉnh."));
    completeAs(reviewer(interior), taskOf(interior, AgencyAssignmentProcess.TASK_REVIEW_REPORT), Map.of(
        AgencyAssignmentProcess.REVIEW_DECISION.name(), AgencyAssignmentProcess.REVIEW_ACCEPT,
        AgencyAssignmentProcess.REVIEW_COMMENT.name(), ""));
    executeAsyncJobs();
    OutboxFixtures.sentDigest(outbox, "dashboard-test", of(d, DISTRICT), NotificationKind.REMINDER, now.minusSeconds(9 * 86400));
    OutboxFixtures.sentDigest(outbox, "dashboard-test", of(d, DISTRICT), NotificationKind.URGING, now.minusSeconds(3600));

    Map<String, Assignment> byAgency = new HashMap<>();
    assignments.ofDirective(d.id()).forEach(a -> byAgency.put(a.agencyCode(), a));
    return new Fixture(directives.get(d.id()), day0, now, byAgency);
  }

  private Instant at(LocalDate day, int hour) {
    Instant instant = day.atTime(LocalTime.of(hour, 0)).atZone(VnDates.ZONE).toInstant();
    clock.set(instant);
    return instant;
  }

  private String reviewer(String processInstanceId) {
    return vn.cascade.ProcessDriver.candidateGroupOf(processEngine,
        taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REVIEW_REPORT));
  }

  // ---------------------------------------------------------------- the directives list

  @Test
  void theListCountsTheDirectivesAssignmentsInEachBucket() {
    Map<String, Integer> counts = listCounts(page(MANAGER, "/dashboard?q=" + fixture.number()));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("COMPLETED_ON_TIME", 2, "COMPLETED_LATE", 1,
        "OPEN_IN_TIME", 2, "OPEN_OVERDUE", 2, "DUE_SOON", 1));
    String page = page(MANAGER, "/dashboard?q=" + fixture.number());
    assertThat(rowOf(page, "data-number=\"" + fixture.number() + "\"")).contains("3/7 đã báo cáo")
        .contains(VnDates.before(fixture.day0().plusDays(19)))
        .contains("2 cảnh báo");
  }

  @Test
  void theListFiltersByBucketAgencyAndDate() {
    String number = "data-number=\"" + fixture.number() + "\"";
    String q = "/dashboard?q=" + fixture.number();
    assertThat(page(MANAGER, q + "&status=OPEN_OVERDUE")).contains(number);
    assertThat(page(MANAGER, q + "&status=DUE_SOON")).contains(number);
    assertThat(page(MANAGER, q + "&agency=so-yt")).contains(number);
    assertThat(page(MANAGER, q + "&agency=so-khdt")).doesNotContain(number);
    assertThat(page(MANAGER, q + "&agency=ca-tinh&status=OPEN_OVERDUE")).doesNotContain(number);
    String day = VnDates.format(fixture.day0());
    assertThat(page(MANAGER, q + "&from=" + fixture.day0() + "&to=" + day)).contains(number);
    assertThat(page(MANAGER, q + "&from=" + fixture.day0().plusDays(1))).doesNotContain(number);
    assertThat(page(MANAGER, "/dashboard?q=khong-co-so-nay")).doesNotContain(number)
        .contains("Không có văn bản nào phù hợp");
    assertThat(page(MANAGER, q + "&from=31/02/2026")).contains(number).contains("không phải ngày hợp lệ");
  }

  // ---------------------------------------------------------------- one directive

  @Test
  void theDirectivePageShowsEveryAssignmentInItsBucketWithItsDeadlines() {
    String page = page(MANAGER, "/dashboard/directives/" + fixture.id());
    assertThat(legend(page)).containsExactlyInAnyOrderEntriesOf(Map.of("COMPLETED_ON_TIME", 2, "COMPLETED_LATE", 1,
        "OPEN_IN_TIME", 2, "OPEN_OVERDUE", 2, "DUE_SOON", 1));
    assertThat(rowBuckets(page, "data-agency")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "so-yt", "COMPLETED_ON_TIME", "ca-tinh", "COMPLETED_LATE", "so-tnmt", "OPEN_IN_TIME",
        DISTRICT, "OPEN_OVERDUE", "so-ct", "OPEN_IN_TIME", "so-nv", "COMPLETED_ON_TIME", "so-gtvt", "OPEN_OVERDUE"));

    // The link to the directive's process in Cockpit names its instance (it once kept "{pi}" as written).
    assertThat(page).contains("/camunda/app/cockpit/default/#/process-instance/"
        + directives.get(fixture.id()).processInstanceId() + "/runtime").doesNotContain("{pi}");

    String extended = rowOf(page, "data-agency=\"so-tnmt\"");
    assertThat(extended).contains(VnDates.format(fixture.day0().plusDays(16)))
        .contains(VnDates.format(fixture.day0().plusDays(30))).contains("gia hạn").contains("còn 12 ngày");
    assertThat(rowOf(page, "data-agency=\"so-ct\"")).contains("sắp đến hạn").contains("còn 1 ngày");
    assertThat(rowOf(page, "data-agency=\"so-yt\"")).contains("sớm 15 ngày")
        .contains(VnDates.format(fixture.day0())).contains("Phối hợp: UBND TP Biên Hòa");
    assertThat(rowOf(page, "data-agency=\"ca-tinh\"")).contains("trễ 2 ngày");
    assertThat(rowOf(page, "data-agency=\"so-nv\"")).contains("sớm 14 ngày").contains(VnDates.format(fixture.day0().plusDays(1)));
    assertThat(rowOf(page, "data-agency=\"so-gtvt\"")).contains("đã nộp " + VnDates.format(fixture.day0().plusDays(16))
        + ", chờ xem xét").contains("quá hạn 2 ngày");
    String overdue = rowOf(page, "data-agency=\"" + DISTRICT + "\"");
    assertThat(overdue).contains("quá hạn 2 ngày");
    assertThat(cell(overdue, "Nhắc hạn đã gửi")).isEqualTo("1");
    assertThat(cell(overdue, "Đôn đốc đã gửi")).isEqualTo("1");
    assertThat(cell(rowOf(page, "data-agency=\"so-yt\""), "Nhắc hạn đã gửi")).isEqualTo("0");
  }

  @Test
  void theBucketFilterNarrowsTheTableButNotTheCounts() {
    String page = page(MANAGER, "/dashboard/directives/" + fixture.id() + "?status=OPEN_IN_TIME");
    assertThat(rowBuckets(page, "data-agency")).containsOnlyKeys("so-tnmt", "so-ct");
    assertThat(legend(page)).containsEntry("COMPLETED_ON_TIME", 2);
    assertThat(rowBuckets(page(MANAGER, "/dashboard/directives/" + fixture.id() + "?status=DUE_SOON"), "data-agency"))
        .containsOnlyKeys("so-ct");
  }

  /**
   * A directive of 25 rows for paging, issued for so-yt (item 1, overdue now) plus 24 rows written
   * straight into the table: even items overdue (day 5), odd items in time (day 21).
   */
  private Directive paged() {
    if (paged == null) {
      paged = directives.issue(TestDocuments.directive(fixture.day0(), "so-yt"));
      for (int item = 2; item <= 25; item++) {
        assignments.insert(paged.id(), item, "so-yt", fixture.day0().plusDays(item % 2 == 0 ? 5 : 21));
      }
    }
    return paged;
  }

  private static Directive paged;

  @Test
  void aPageOfTheTableHoldsItsRowsInOrderWhileTheCountsCoverThemAll() {
    String base = "/dashboard/directives/" + paged().id();
    Map<String, Integer> counts = Map.of("COMPLETED_ON_TIME", 0, "COMPLETED_LATE", 0, "OPEN_IN_TIME", 12,
        "OPEN_OVERDUE", 13, "DUE_SOON", 0);
    List<Integer> seen = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      String page = page(MANAGER, base + "?size=10&page=" + n);
      assertThat(legend(page)).as("counts on page " + n).containsExactlyInAnyOrderEntriesOf(counts);
      assertThat(page).contains("Tất cả (<span>25</span>)").contains("Trang " + n + "/3")
          .doesNotContain("id=\"pager-problem\"");
      seen.addAll(items(page));
    }
    assertThat(seen).as("every row once, in item order").containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());

    String second = page(MANAGER, base + "?size=10&page=2");
    assertThat(items(second)).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
    assertThat(second).contains("(dòng 11–20 trong 25)")
        .contains("href=\"" + base + "?page=1&amp;size=10\">‹ Trang trước</a>")
        .contains("href=\"" + base + "?page=3&amp;size=10\">Trang sau ›</a>");
    String first = page(MANAGER, base + "?size=10");
    assertThat(items(first)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(first).contains("<span class=\"off\">‹ Trang trước</span>");

    // The default page holds 100 rows: the 25 fit, and there is no pager.
    String whole = page(MANAGER, base);
    assertThat(items(whole)).hasSize(25);
    assertThat(whole).doesNotContain("Trang sau").doesNotContain("class=\"pager\"");
  }

  @Test
  void theBucketFilterAndPagingWorkTogether() {
    String base = "/dashboard/directives/" + paged().id();
    String page = page(MANAGER, base + "?status=OPEN_OVERDUE&size=10&page=2");
    assertThat(rowBucketsAll(page)).containsOnly("OPEN_OVERDUE");
    assertThat(items(page)).containsExactly(20, 22, 24);
    assertThat(page).contains("Trang 2/2").contains("(dòng 11–13 trong 13)")
        .contains("href=\"" + base + "?status=OPEN_OVERDUE&amp;page=1&amp;size=10\">‹ Trang trước</a>");
    assertThat(legend(page)).containsEntry("OPEN_IN_TIME", 12).containsEntry("OPEN_OVERDUE", 13);
    assertThat(items(page(MANAGER, base + "?status=OPEN_IN_TIME&size=10&page=2"))).containsExactly(23, 25);
  }

  @Test
  void aPageThatDoesNotExistIsClampedAndSaidInVietnamese() {
    String base = "/dashboard/directives/" + paged().id();
    String word = page(MANAGER, base + "?size=10&page=abc");
    assertThat(word).contains("Số trang &quot;abc&quot; không phải số; hiển thị trang 1.").contains("Trang 1/3");
    assertThat(items(word)).startsWith(1, 2);
    String negative = page(MANAGER, base + "?size=10&page=-2");
    assertThat(negative).contains("Không có trang -2; trang đầu là trang 1.").contains("Trang 1/3");
    String zero = page(MANAGER, base + "?size=10&page=0");
    assertThat(zero).contains("Không có trang 0").contains("Trang 1/3");
    String beyond = page(MANAGER, base + "?size=10&page=99");
    assertThat(beyond).contains("Không có trang 99: bảng chỉ có 3 trang; hiển thị trang cuối (trang 3).")
        .contains("Trang 3/3");
    assertThat(items(beyond)).containsExactly(21, 22, 23, 24, 25);
    assertThat(page(MANAGER, base + "?size=99999999999")).contains("Số dòng mỗi trang &quot;99999999999&quot; không phải số");
    String huge = page(MANAGER, base + "?size=100000");
    assertThat(huge).contains("Số dòng mỗi trang phải từ 10 đến 500; hiển thị 500 dòng mỗi trang.");
    assertThat(items(huge)).hasSize(25);
    assertThat(items(page(MANAGER, base + "?size=1&page=2"))).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
    assertThat(items(page(MANAGER, "/dashboard/agencies/so-yt?size=10&page=x%27%3B--"))).hasSizeLessThanOrEqualTo(10);
  }

  @Test
  void theAgencyPageIsPagedAndFilteredLikeTheDirectivePage() {
    paged();
    String base = "/dashboard/agencies/so-yt";
    Map<String, Integer> counts = legend(page(MANAGER, base));
    int total = counts.entrySet().stream().filter(e -> !e.getKey().equals("DUE_SOON")).mapToInt(Map.Entry::getValue).sum();
    assertThat(total).isGreaterThanOrEqualTo(26);
    int pages = (total + 9) / 10;
    Map<String, Integer> buckets = new HashMap<>();
    for (int n = 1; n <= pages; n++) {
      String page = page(MANAGER, base + "?size=10&page=" + n);
      assertThat(legend(page)).as("counts on page " + n).isEqualTo(counts);
      assertThat(page).contains("Trang " + n + "/" + pages);
      rowBucketsAll(page).forEach(b -> buckets.merge(b, 1, Integer::sum));
    }
    counts.forEach((bucket, n) -> {
      if (!bucket.equals("DUE_SOON")) {
        assertThat(buckets.getOrDefault(bucket, 0)).as("rows in " + bucket).isEqualTo(n);
      }
    });
    String overdue = page(MANAGER, base + "?status=OPEN_OVERDUE&size=10");
    assertThat(rowBucketsAll(overdue)).isNotEmpty().containsOnly("OPEN_OVERDUE");
    assertThat(legend(overdue)).isEqualTo(counts);
    assertThat(page(MANAGER, base + "?page=999")).contains("hiển thị trang cuối");
  }

  @Test
  void theXlsxHoldsEveryRowWhateverThePage() throws IOException {
    ResponseEntity<byte[]> r = http.withBasicAuth(MANAGER, "demo")
        .getForEntity("/dashboard/directives/" + paged().id() + "/export.xlsx?page=2&size=10", byte[].class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
      assertThat(wb.getSheet("Tình hình thực hiện").getLastRowNum()).isEqualTo(XlsxExports.HEADER_ROW + 25);
    }
  }

  @Test
  void theDirectivePageTracesTheConclusionToItemsAndAgenciesAndShowsCoordination() {
    String page = page(MANAGER, "/dashboard/directives/" + fixture.id());
    String lineage = page.substring(page.indexOf("id=\"lineage\""));
    assertThat(lineage).contains(fixture.directive().body().conclusionNumber()).contains(fixture.number());
    String first = rowOf(lineage, "data-conclusion-item=\"1\"");
    assertThat(first).contains("Rà soát kết quả thực hiện.").contains("Sở Y tế").contains("UBND TP Long Khánh")
        .contains("UBND TP Biên Hòa (phối hợp)").doesNotContain("Công an tỉnh");
    assertThat(rowOf(lineage, "data-conclusion-item=\"2\"")).contains("Thu hút đầu tư.").contains("Công an tỉnh")
        .contains("Sở Công Thương");
    String items = page.substring(page.indexOf("id=\"items-h\""), page.indexOf("id=\"lineage\""));
    assertThat(items).contains("Phối hợp:").contains("UBND TP Biên Hòa");
  }

  @Test
  void warningsNameEveryChildDeadlineAfterItsParentOnThePageAndInTheApi() {
    String page = page(MANAGER, "/dashboard/directives/" + fixture.id());
    assertThat(page).contains("data-code=\"ASSIGNMENT_AFTER_SUMMARY\"").contains("data-code=\"SUMMARY_AFTER_REPORT_BACK\"");
    // The codes are for the API; the page says it in Vietnamese only.
    assertThat(page).doesNotContain(">ASSIGNMENT_AFTER_SUMMARY<", ">SUMMARY_AFTER_REPORT_BACK<");

    JsonNode all = http.withBasicAuth(MANAGER, "demo")
        .getForObject("/api/directives/" + fixture.id() + "/warnings", JsonNode.class);
    List<String> codes = new ArrayList<>();
    all.forEach(w -> codes.add(w.get("code").asText()));
    assertThat(codes).containsExactlyInAnyOrder("ASSIGNMENT_AFTER_SUMMARY", "SUMMARY_AFTER_REPORT_BACK");
    JsonNode assignment = all.get(codes.indexOf("ASSIGNMENT_AFTER_SUMMARY"));
    assertThat(assignment.get("message").asText()).contains("Sở Tài nguyên và Môi trường")
        .contains(VnDates.before(fixture.day0().plusDays(30))).contains(VnDates.before(fixture.day0().plusDays(21)));

    JsonNode district = http.withBasicAuth(DISTRICT, "demo")
        .getForObject("/api/directives/" + fixture.id() + "/warnings", JsonNode.class);
    assertThat(district).hasSize(1);
    assertThat(district.get(0).get("code").asText()).isEqualTo("SUMMARY_AFTER_REPORT_BACK");

    ResponseEntity<String> stranger = http.withBasicAuth("so-gddt", "demo")
        .getForEntity("/api/directives/" + fixture.id() + "/warnings", String.class);
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    Directive consistent = directives.issue(TestDocuments.directive(fixture.day0(), "so-yt"));
    assertThat(http.withBasicAuth(MANAGER, "demo")
        .getForObject("/api/directives/" + consistent.id() + "/warnings", JsonNode.class)).isEmpty();
    assertThat(page(MANAGER, "/dashboard/directives/" + consistent.id())).doesNotContain("id=\"warnings\"");
  }

  // ---------------------------------------------------------------- one report

  @Test
  void aReportShowsWhatTheAgencyTypedAsTextNeverAsMarkup() {
    String page = page(MANAGER, "/dashboard/assignments/" + fixture.assignment("so-yt"));
    assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(")
        .contains("=1+1 kết quả nội dung 1").contains("Kết quả nội dung 2").contains("Lê Thị Hồng")
        .contains("Không có tệp đính kèm").contains("đã báo cáo đúng hạn");
    assertThat(page(MANAGER, "/dashboard/directives/" + fixture.id())).doesNotContain("<script>");

    String revised = page(MANAGER, "/dashboard/assignments/" + fixture.assignment("so-nv"));
    assertThat(revised).contains("Bản đã bổ sung số liệu.").doesNotContain("Bản đầu.")
        .containsSubsequence("Lần 1", "trả lại để hoàn thiện", "Bổ sung số liệu cải cách hành chính.", "Lần 2", "chấp nhận");
    String transport = page(MANAGER, "/dashboard/assignments/" + fixture.assignment("so-gtvt"));
    assertThat(transport).contains("Nộp sau hạn.").contains("đang chờ xem xét")
        .contains("Báo cáo &lt;i&gt;GTVT.pdf").doesNotContain("<i>GTVT")
        .containsPattern("href=\"/assignments/" + fixture.assignment("so-gtvt") + "/attachments/\\d+\"")
        .doesNotContain("Không có tệp đính kèm");

    String chased = page(MANAGER, "/dashboard/assignments/" + fixture.assignment(DISTRICT));
    assertThat(chased).contains("Cơ quan chưa gửi báo cáo").contains("Nhắc hạn").contains("Đôn đốc")
        .contains("[Đôn đốc] dashboard-test");
  }

  // ---------------------------------------------------------------- agencies

  @Test
  void theAgencyTableCountsEachAgencysRowsAndItsOnTimeRate() {
    String table = page(MANAGER, "/dashboard/agencies");
    for (String agency : List.of("so-yt", "ca-tinh", DISTRICT, "so-ct")) {
      String drill = allPages(MANAGER, "/dashboard/agencies/" + agency);
      Map<String, Integer> buckets = new HashMap<>();
      Matcher m = Pattern.compile("<tr data-directive=\"([^\"]+)\" data-item=\"(\\d+)\" data-bucket=\"([A-Z_]+)\"")
          .matcher(drill);
      boolean mine = false;
      while (m.find()) {
        buckets.merge(m.group(3), 1, Integer::sum);
        mine |= m.group(1).equals(fixture.number());
      }
      assertThat(mine).as(agency + " lists our directive").isTrue();
      String row = rowOf(table, "<tr data-agency=\"" + agency + "\"");
      int onTime = buckets.getOrDefault("COMPLETED_ON_TIME", 0);
      int late = buckets.getOrDefault("COMPLETED_LATE", 0);
      int overdue = buckets.getOrDefault("OPEN_OVERDUE", 0);
      assertThat(cellByBucket(row, "TOTAL")).isEqualTo(String.valueOf(buckets.values().stream().mapToInt(i -> i).sum()));
      assertThat(cellByBucket(row, "COMPLETED_ON_TIME")).isEqualTo(String.valueOf(onTime));
      assertThat(cellByBucket(row, "COMPLETED_LATE")).isEqualTo(String.valueOf(late));
      assertThat(cellByBucket(row, "OPEN_OVERDUE")).isEqualTo(String.valueOf(overdue));
      int judged = onTime + late + overdue;
      assertThat(cellByBucket(row, "RATE")).isEqualTo(judged == 0 ? "—" : Counts.percentText((double) onTime / judged));
    }
    // Our directive alone fixes the sign of each rate: Long Khánh is overdue here, so it is below 100 %.
    assertThat(cellByBucket(rowOf(table, "<tr data-agency=\"" + DISTRICT + "\""), "RATE")).isNotEqualTo("100 %");
    assertThat(cellByBucket(rowOf(table, "<tr data-agency=\"ca-tinh\""), "RATE")).isNotEqualTo("100 %");
  }

  @Test
  void theRateIsOnTimeOverReportedAndOverdue() {
    assertThat(new Counts(10, 3, 1, 4, 2, 1).onTimeRateText()).isEqualTo("50 %");
    assertThat(new Counts(3, 2, 1, 0, 0, 0).onTimeRateText()).isEqualTo("66,7 %");
    assertThat(new Counts(2, 0, 0, 2, 0, 1).onTimeRateText()).isEqualTo("—");
    assertThat(DashboardQuery.ranking(List.of(
        new AgencyStat("a", "A", new Counts(2, 1, 1, 0, 0, 0)),
        new AgencyStat("b", "B", new Counts(1, 1, 0, 0, 0, 0)),
        new AgencyStat("c", "C", new Counts(1, 0, 0, 1, 0, 0)))))
        .extracting(AgencyStat::code).containsExactly("b", "a");
  }

  // ---------------------------------------------------------------- who sees what

  @Test
  void anAgencyUserSeesOnlyItsOwnRows() {
    String list = page(DISTRICT, "/dashboard?q=" + fixture.number());
    assertThat(listCounts(list)).containsExactlyInAnyOrderEntriesOf(Map.of("COMPLETED_ON_TIME", 0,
        "COMPLETED_LATE", 0, "OPEN_IN_TIME", 0, "OPEN_OVERDUE", 1, "DUE_SOON", 0));
    assertThat(list).contains("Chỉ gồm nhiệm vụ của đơn vị bạn");

    String page = page(DISTRICT, "/dashboard/directives/" + fixture.id());
    assertThat(rowBuckets(page, "data-agency")).containsOnlyKeys(DISTRICT);
    assertThat(page).doesNotContain("Đã tổ chức 24 đợt kiểm tra").doesNotContain("summary.docx");

    String agencies = page(DISTRICT, "/dashboard/agencies");
    assertThat(attributes(agencies, "data-agency")).containsOnly(DISTRICT);

    assertThat(status(DISTRICT, "/dashboard/agencies/so-yt")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(DISTRICT, "/dashboard/assignments/" + fixture.assignment("so-yt"))).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(DISTRICT, "/dashboard/directives/" + fixture.id() + "/summary.docx")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("so-gddt", "/dashboard/directives/" + fixture.id())).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(DISTRICT, "/dashboard/agencies/" + DISTRICT)).isEqualTo(HttpStatus.OK);
    assertThat(status(DISTRICT, "/dashboard/assignments/" + fixture.assignment(DISTRICT))).isEqualTo(HttpStatus.OK);
    assertThat(status(MANAGER, "/dashboard/agencies/khong-co")).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status(MANAGER, "/dashboard/directives/khong-phai-so")).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theHeaderLinksTasklistForEveryoneCockpitForManagersAndLogsOutWithItsToken() {
    String manager = page(MANAGER, "/dashboard");
    assertThat(manager).contains("href=\"/camunda/app/tasklist/default/\"").contains("href=\"/camunda/app/cockpit/\"")
        .contains("Cán bộ Văn phòng Ủy ban nhân dân tỉnh").contains("action=\"/logout\"").contains("name=\"_csrf\"");
    String district = page(DISTRICT, "/dashboard");
    assertThat(district).contains("href=\"/camunda/app/tasklist/default/\"").doesNotContain("/camunda/app/cockpit/")
        .contains("name=\"_csrf\"");
  }

  @Test
  void anonymousIsSentToTheLoginPage() {
    for (String path : List.of("/dashboard", "/dashboard/directives/" + fixture.id(),
        "/dashboard/directives/" + fixture.id() + "/export.xlsx")) {
      ResponseEntity<String> r = http.getForEntity(path, String.class);
      boolean redirected = r.getStatusCode().is3xxRedirection()
          && r.getHeaders().getLocation().toString().endsWith("/login");
      boolean loginPage = r.getStatusCode().is2xxSuccessful() && r.getBody().contains("Đăng nhập");
      assertThat(redirected || loginPage || r.getStatusCode() == HttpStatus.UNAUTHORIZED).as(path).isTrue();
      assertThat(r.getBody() == null ? "" : r.getBody()).doesNotContain(fixture.number());
    }
    assertThat(http.getForEntity("/api/directives/" + fixture.id() + "/warnings", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // ---------------------------------------------------------------- exports

  @Test
  void theDirectiveXlsxHasVietnameseHeadersRealDatesAndTextAsText() throws IOException {
    ResponseEntity<byte[]> r = http.withBasicAuth(MANAGER, "demo")
        .getForEntity("/dashboard/directives/" + fixture.id() + "/export.xlsx", byte[].class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    String ascii = "Tinh-hinh-thuc-hien-" + fixture.number().replace('/', '-') + ".xlsx";
    assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("filename=\"" + ascii + "\"")
        .contains("filename*=UTF-8''T%C3%ACnh%20h%C3%ACnh%20th%E1%BB%B1c%20hi%E1%BB%87n%20");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
      Sheet sheet = wb.getSheet("Tình hình thực hiện");
      assertThat(sheet).isNotNull();
      List<String> headers = texts(sheet.getRow(XlsxExports.HEADER_ROW));
      assertThat(headers).startsWith("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Hạn ban đầu (trước ngày)", "Hạn hiện hành (trước ngày)", "Tình trạng báo cáo", "Sắp đến hạn", "Ngày báo cáo");
      Map<String, Row> rows = new LinkedHashMap<>();
      for (int i = XlsxExports.HEADER_ROW + 1; i <= sheet.getLastRowNum(); i++) {
        rows.put(sheet.getRow(i).getCell(2).getStringCellValue(), sheet.getRow(i));
      }
      assertThat(rows).containsOnlyKeys("Sở Y tế", "Công an tỉnh", "Sở Tài nguyên và Môi trường", "UBND TP Long Khánh",
          "Sở Công Thương", "Sở Nội vụ", "Sở Giao thông vận tải");
      Row health = rows.get("Sở Y tế");
      assertThat(health.getCell(6).getStringCellValue()).isEqualTo("đã báo cáo đúng hạn");
      assertDate(health.getCell(5), fixture.day0().plusDays(16));
      assertDate(health.getCell(8), fixture.day0());
      assertThat(health.getCell(3).getStringCellValue()).isEqualTo("UBND TP Biên Hòa");
      Cell result = health.getCell(14);
      assertThat(result.getCellType()).isEqualTo(CellType.STRING);
      assertThat(result.getStringCellValue()).startsWith("<script>alert('xss')</script>");
      Row extended = rows.get("Sở Tài nguyên và Môi trường");
      assertDate(extended.getCell(4), fixture.day0().plusDays(16));
      assertDate(extended.getCell(5), fixture.day0().plusDays(30));
      assertThat(extended.getCell(8).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(rows.get("Công an tỉnh").getCell(9).getNumericCellValue()).isEqualTo(2.0);
      assertThat(rows.get("UBND TP Long Khánh").getCell(12).getNumericCellValue()).isEqualTo(1.0);
      assertThat(rows.get("Sở Công Thương").getCell(7).getStringCellValue()).isEqualTo("sắp đến hạn");

      Sheet totals = wb.getSheet("Tổng hợp");
      assertThat(new DataFormatter().formatCellValue(totals.getRow(6).getCell(1))).isEqualTo("2");
      assertThat(totals.getRow(6).getCell(0).getStringCellValue()).isEqualTo("chưa báo cáo, quá hạn");
    }

    ResponseEntity<byte[]> own = http.withBasicAuth(DISTRICT, "demo")
        .getForEntity("/dashboard/directives/" + fixture.id() + "/export.xlsx", byte[].class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own.getBody()))) {
      Sheet sheet = wb.getSheet("Tình hình thực hiện");
      assertThat(sheet.getLastRowNum()).isEqualTo(XlsxExports.HEADER_ROW + 1);
      assertThat(sheet.getRow(XlsxExports.HEADER_ROW + 1).getCell(2).getStringCellValue()).isEqualTo("UBND TP Long Khánh");
    }
  }

  @Test
  void theAgencyXlsxHasOneRowPerAgencyWithItsRate() throws IOException {
    ResponseEntity<byte[]> r = http.withBasicAuth(MANAGER, "demo").getForEntity("/dashboard/agencies/export.xlsx", byte[].class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("filename=\"Thong-ke-theo-co-quan-").contains("filename*=UTF-8''Th%E1%BB%91ng%20k%C3%AA");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
      Sheet sheet = wb.getSheet("Theo cơ quan");
      assertThat(texts(sheet.getRow(XlsxExports.HEADER_ROW))).containsExactly("STT", "Mã", "Cơ quan", "Được giao",
          "đã báo cáo đúng hạn", "đã báo cáo quá hạn", "chưa báo cáo, trong hạn", "chưa báo cáo, quá hạn",
          "Sắp đến hạn", "Tỷ lệ đúng hạn");
      assertDate(sheet.getRow(1).getCell(2), fixture.day0().plusDays(17));
      String table = page(MANAGER, "/dashboard/agencies");
      boolean found = false;
      for (int i = XlsxExports.HEADER_ROW + 1; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        if (!"ca-tinh".equals(row.getCell(1).getStringCellValue())) {
          continue;
        }
        found = true;
        String pageRow = rowOf(table, "<tr data-agency=\"ca-tinh\"");
        assertThat((int) row.getCell(3).getNumericCellValue()).isEqualTo(Integer.parseInt(cellByBucket(pageRow, "TOTAL")));
        assertThat((int) row.getCell(5).getNumericCellValue())
            .isEqualTo(Integer.parseInt(cellByBucket(pageRow, "COMPLETED_LATE"))).isPositive();
        assertThat(Counts.percentText(row.getCell(9).getNumericCellValue())).isEqualTo(cellByBucket(pageRow, "RATE"));
        assertThat(row.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      }
      assertThat(found).isTrue();
    }
  }

  @Test
  void theSummaryDocxIsLaidOutAsAnAdministrativeReportAndNamesWhoIsMissing() throws IOException {
    ResponseEntity<byte[]> r = http.withBasicAuth("so-khdt", "demo")
        .getForEntity("/dashboard/directives/" + fixture.id() + "/summary.docx", byte[].class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("filename=\"Bao-cao-tong-hop-" + fixture.number().replace('/', '-') + ".docx\"")
        .contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BB%95ng%20h%E1%BB%A3p%20");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getBody()));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      String text = extractor.getText();
      assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "UBND TỈNH ĐỒNG NAI", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Số:", "/BC-SKHĐT", "Đồng Nai, ngày … tháng … năm …",
          "BÁO CÁO", "Tổng hợp kết quả thực hiện Công văn số " + fixture.number(), "Nơi nhận:",
          "- Như trên (thực hiện);", "- Thường trực UBND tỉnh (báo cáo);", "- Lưu: VT, THNC.", "GIÁM ĐỐC");
      assertThat(text).containsSubsequence("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
          "I. TÌNH HÌNH BÁO CÁO", "II. KẾT QUẢ THỰC HIỆN", "III. CÁC CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO", "Nơi nhận:");
      String results = between(text, "II. KẾT QUẢ THỰC HIỆN", "III. CÁC CƠ QUAN");
      assertThat(results).contains("1. Sở Y tế", "<script>alert('xss')</script> Đã tổ chức 24 đợt kiểm tra.",
          "=1+1 kết quả nội dung 1", "Kết quả nội dung 2", "2. Công an tỉnh", "Báo cáo muộn của Công an tỉnh.",
          "đã báo cáo quá hạn", "3. Sở Nội vụ", "Bản đã bổ sung số liệu.").doesNotContain("Long Khánh")
          .doesNotContain("Bản đầu.").doesNotContain("Nộp sau hạn.");
      String missing = between(text, "III. CÁC CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO", "IV.");
      assertThat(missing).contains("còn 4 cơ quan, đơn vị chưa báo cáo", "UBND TP Long Khánh",
          "Sở Tài nguyên và Môi trường", "Sở Công Thương", "Sở Giao thông vận tải", "chờ xem xét")
          .doesNotContain("Sở Y tế").doesNotContain("Công an tỉnh").doesNotContain("Sở Nội vụ");
      assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(doc.getTables().get(1).getRows()).hasSize(8);
      assertThat(doc.getTables().get(1).getRow(0).getCell(4).getText()).isEqualTo("Tình trạng báo cáo; thực hiện");
    }
  }

  // ---------------------------------------------------------------- the fixture

  /** Built as the API's JSON would be, so that the test does not depend on the record's arity. */
  private DirectiveDraft draft(LocalDate day0, String conclusionNumber) {
    DirectiveDraft base = TestDocuments.directive(day0, "so-yt");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("number", base.number());
    d.put("issuedOn", day0.toString());
    d.put("place", "Đồng Nai");
    d.put("issuer", base.issuer());
    d.put("issuerAgency", base.issuerAgency());
    d.put("title", "V/v thử nghiệm bảng theo dõi");
    d.put("reportDeadline", base.reportDeadline().toString());
    d.put("summaryDeadline", base.summaryDeadline().toString());
    d.put("collectingAgency", "so-khdt");
    d.put("conclusionNumber", conclusionNumber);
    d.put("recipients", List.of(Map.of("name", "Như trên", "purpose", "thực hiện"),
        Map.of("name", "Thường trực UBND tỉnh", "purpose", "báo cáo", "agency", "lanh-dao-ubnd"),
        Map.of("name", "Lưu: VT, THNC", "purpose", "lưu")));
    d.put("items", List.of(
        item(1, "so-yt", 1, bullet("Tăng cường phòng, chống dịch bệnh."),
            bullet("Kiểm tra an toàn thực phẩm.", "ubnd-bien-hoa")),
        item(2, "ca-tinh", 2, bullet("Bảo đảm an ninh trật tự.")),
        item(3, "so-tnmt", 2, bullet("Quản lý tài nguyên, khoáng sản.")),
        item(4, DISTRICT, 1, bullet("Rà soát tiến độ giải phóng mặt bằng.")),
        item(5, "so-ct", 2, bullet("Bình ổn giá.")),
        item(6, "so-nv", 1, bullet("Cải cách hành chính.")),
        item(7, "so-gtvt", 2, bullet("Đẩy nhanh các dự án giao thông."))));
    return json.convertValue(d, DirectiveDraft.class);
  }

  private static Map<String, Object> item(int n, String agency, int conclusionItem, Map<?, ?>... bullets) {
    return Map.of("number", n, "heading", "Giao " + agency, "agencies", List.of(agency),
        "conclusionItems", List.of(conclusionItem), "bullets", List.of(bullets));
  }

  private static Map<String, Object> bullet(String text, String... coordinating) {
    return Map.of("text", text, "coordinating", List.of(coordinating));
  }

  private static Map<String, Object> report(String overall, String... bullets) {
    return TestDocuments.report(overall, bullets);
  }

  private Assignment of(Directive d, String agency) {
    return assignments.ofDirective(d.id()).stream().filter(a -> a.agencyCode().equals(agency)).findFirst().orElseThrow();
  }

  /** The agency attaches a file, as its logged-in user would on the attachments page. */
  private void attachAs(String agency, Assignment a, String fileName) {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(agency, null,
        List.of(new SimpleGrantedAuthority("GROUP_" + agency))));
    try {
      attachments.attach(a, new MockMultipartFile("file", fileName, "application/pdf", "%PDF-1.4 thử".getBytes()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  // ---------------------------------------------------------------- reading pages

  private String page(String user, String path) {
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return r.getBody();
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(http.withBasicAuth(user, "demo").getForEntity(path, byte[].class).getStatusCode().value());
  }

  /** Every page of a paged table, 500 rows at a time, concatenated. */
  private String allPages(String user, String path) {
    StringBuilder all = new StringBuilder();
    for (int n = 1; ; n++) {
      String page = page(user, path + "?size=500&page=" + n);
      all.append(page);
      if (!page.contains("rel=\"next\"")) {
        return all.toString();
      }
    }
  }

  /** The item numbers of the table's rows, in order. */
  private static List<Integer> items(String html) {
    List<Integer> items = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-(?:agency|directive)=\"[^\"]+\" data-item=\"(\\d+)\"").matcher(html);
    while (m.find()) {
      items.add(Integer.parseInt(m.group(1)));
    }
    return items;
  }

  /** The bucket of every table row, in order. */
  private static List<String> rowBucketsAll(String html) {
    List<String> buckets = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-(?:agency|directive)=\"[^\"]+\" data-item=\"\\d+\" data-bucket=\"([A-Z_]+)\"")
        .matcher(html);
    while (m.find()) {
      buckets.add(m.group(1));
    }
    return buckets;
  }

  /** The {@code <tr …>} element whose start tag contains the marker. */
  private static String rowOf(String html, String marker) {
    int at = html.indexOf(marker);
    assertThat(at).as("no row with " + marker).isPositive();
    int start = html.lastIndexOf("<tr", at);
    int end = html.indexOf("</tr>", at);
    return html.substring(start, end);
  }

  /** Counts of the list's row for our directive: its cells carry data-bucket. */
  private Map<String, Integer> listCounts(String html) {
    String row = rowOf(html, "data-number=\"" + fixture.number() + "\"");
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = Pattern.compile("data-bucket=\"([A-Z_]+)\">(\\d+)</td>").matcher(row);
    while (m.find()) {
      counts.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return counts;
  }

  /** The chart's legend: {@code <span class="count" data-bucket="…">n</span>}. */
  private static Map<String, Integer> legend(String html) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = Pattern.compile("<span class=\"count\" data-bucket=\"([A-Z_]+)\">(\\d+)</span>").matcher(html);
    while (m.find()) {
      counts.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return counts;
  }

  /** agency → bucket of each table row ({@code <tr data-agency data-item data-bucket>}). */
  private static Map<String, String> rowBuckets(String html, String attribute) {
    Map<String, String> rows = new HashMap<>();
    Matcher m = Pattern.compile("<tr " + attribute + "=\"([^\"]+)\" data-item=\"\\d+\" data-bucket=\"([A-Z_]+)\"")
        .matcher(html);
    while (m.find()) {
      assertThat(rows.put(m.group(1), m.group(2))).as("one row per agency").isNull();
    }
    return rows;
  }

  private static List<String> attributes(String html, String attribute) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile(attribute + "=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  private static String cell(String row, String label) {
    Matcher m = Pattern.compile("data-label=\"" + Pattern.quote(label) + "\"[^>]*>([^<]*)</td>").matcher(row);
    assertThat(m.find()).as("cell " + label).isTrue();
    return m.group(1).strip();
  }

  private static String cellByBucket(String row, String bucket) {
    Matcher m = Pattern.compile("data-bucket=\"" + bucket + "\"[^>]*>([^<]*)</td>").matcher(row);
    assertThat(m.find()).as("cell " + bucket).isTrue();
    return m.group(1).strip();
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(c -> texts.add(c.getStringCellValue()));
    return texts;
  }

  private static void assertDate(Cell cell, LocalDate expected) {
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
    assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected);
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to, start + from.length());
    assertThat(start).as(from).isNotNegative();
    assertThat(end).as(to).isPositive();
    return text.substring(start, end);
  }
}
