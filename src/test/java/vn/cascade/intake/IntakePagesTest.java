package vn.cascade.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.conclusion.PartyConclusionProcess;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.directive.DirectiveService;

/**
 * The office's intake pages as its browser uses them: paste a letter, review the proposal, correct
 * it, issue it (or register a Conclusion); the form is read from the page and posted back whole.
 */
class IntakePagesTest extends CascadeIntegrationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired TestRestTemplate http;
  @Autowired DirectiveRepository directives;
  @Autowired DirectiveService directiveService;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** One user's browser: basic auth on every request, the session cookie kept, the CSRF token read from each page. */
  private final class Browser {
    final TestRestTemplate as;
    final List<String> cookies = new ArrayList<>();

    Browser(String user) {
      as = http.withBasicAuth(user, "demo")
          .withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    ResponseEntity<String> get(String path) {
      ResponseEntity<String> page = as.exchange(path, org.springframework.http.HttpMethod.GET,
          new HttpEntity<>(headers(null)), String.class);
      keep(page);
      return page;
    }

    ResponseEntity<String> post(String path, MultiValueMap<String, ?> form, MediaType type) {
      ResponseEntity<String> page = as.postForEntity(path, new HttpEntity<>(form, headers(type)), String.class);
      keep(page);
      return page;
    }

    /** Posts the page's form #review as it stands, with the changes given, pressing the button {@code action}. */
    ResponseEntity<String> submit(String page, String path, String action, Map<String, String> changes) {
      Map<String, String> fields = fields(page);
      assertThat(fields.keySet()).as("changed fields exist on the page").containsAll(changes.keySet());
      fields.putAll(changes);
      LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      fields.forEach(form::add);
      form.add("action", action);
      return post(path, form, MediaType.APPLICATION_FORM_URLENCODED);
    }

    private HttpHeaders headers(MediaType type) {
      HttpHeaders h = new HttpHeaders();
      h.setAccept(List.of(MediaType.TEXT_HTML));
      if (type != null) {
        h.setContentType(type);
      }
      cookies.forEach(c -> h.add(HttpHeaders.COOKIE, c));
      return h;
    }

    private void keep(ResponseEntity<String> page) {
      List<String> set = page.getHeaders().get(HttpHeaders.SET_COOKIE);
      if (set != null) {
        set.forEach(c -> {
          String pair = c.split(";", 2)[0];
          cookies.removeIf(old -> old.startsWith(pair.split("=", 2)[0] + "="));
          cookies.add(pair);
        });
      }
    }
  }

  /** The fields of the page's form as a browser would send them (no buttons). */
  private static Map<String, String> fields(String html) {
    Document doc = Jsoup.parse(html);
    Element form = doc.selectFirst("form#review");
    assertThat(form).as("the review form").isNotNull();
    Map<String, String> out = new LinkedHashMap<>();
    for (Element e : form.select("input[name], textarea[name], select[name]")) {
      if (e.tagName().equals("input") && "file".equals(e.attr("type"))) {
        continue;
      }
      if (e.tagName().equals("select")) {
        Element selected = e.selectFirst("option[selected]");
        out.put(e.attr("name"), selected == null ? "" : selected.attr("value"));
      } else {
        out.put(e.attr("name"), e.val());
      }
    }
    return out;
  }

  private static String csrf(String html) {
    Element token = Jsoup.parse(html).selectFirst("input[name=_csrf]");
    assertThat(token).as("the page's CSRF token").isNotNull();
    return token.val();
  }

  /** Pastes a letter on the page and presses *Đọc văn bản*, as the multipart form sends it. */
  private ResponseEntity<String> paste(Browser b, String page, String text) {
    String html = b.get(page).getBody();
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf(html));
    form.add("text", text);
    form.add("file", new ByteArrayResource(new byte[0]) {
      @Override
      public String getFilename() {
        return "";
      }
    });
    return b.post(page.replace("/new", "/import"), form, MediaType.MULTIPART_FORM_DATA);
  }

  private static List<String> errorsOf(String html, String field) {
    return Jsoup.parse(html).select("ul.field-errors[data-field=" + field + "] li").eachText();
  }

  private long started(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count();
  }

  private static Map<String, String> datesFrom(LocalDate today) {
    return Map.of("issuedOn", DAY.format(today), "reportDeadline", DAY.format(today.plusDays(16)),
        "summaryDeadline", DAY.format(today.plusDays(21)));
  }

  @Test
  void theOfficePastesTheSeedSeesTheFanOutAndIssuesTheDirective() throws Exception {
    Browser office = new Browser("vp-ubnd");
    assertThat(office.get("/dashboard").getBody()).as("the dashboard header leads to the page")
        .contains("/intake/directives/new");

    ResponseEntity<String> review = paste(office, "/intake/directives/new", SeedImportTest.seed());
    assertThat(review.getStatusCode().value()).isEqualTo(200);
    assertThat(review.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
    Document page = Jsoup.parse(review.getBody());

    // The fan-out of the demo's hand-made structure of the same letter, through the service's own expansion.
    DirectiveDraft demo = SeedImportTest.demo().directive();
    Set<String> agencies = new HashSet<>();
    int assignments = 0;
    for (DirectiveDraft.Item item : demo.items()) {
      Set<String> codes = directiveService.addressees(item);
      assignments += codes.size();
      agencies.addAll(codes);
    }
    assertThat(page.selectFirst("#fanout").text())
        .isEqualTo("Sẽ giao " + assignments + " nhiệm vụ cho " + agencies.size() + " cơ quan");
    assertThat(page.selectFirst("input[name=number]").val()).isEqualTo("8888/UBND-THNC");
    assertThat(page.select("span.src").eachText()).contains("Số: 8888 /UBND-THNC");
    assertThat(page.select("div.item")).hasSize(demo.items().size());
    assertThat(page.selectFirst("select[name=items[1].bullets[2].coordinating[0].code] option[selected]").attr("value"))
        .isEqualTo("ban-qlda");
    // The demo already issued 8888: the page says so beside the number, and Ban hành waits.
    assertThat(errorsOf(review.getBody(), "number")).containsExactly("Số văn bản 8888/UBND-THNC đã tồn tại.");
    assertThat(page.selectFirst("button#issue").hasAttr("disabled")).isTrue();

    long before = started(DirectiveProcess.KEY);
    String number = TestDocuments.uniqueNumber("UBND-THNC");
    Map<String, String> changes = new LinkedHashMap<>(datesFrom(LocalDate.now(clock)));
    changes.put("number", number);
    ResponseEntity<String> issued = office.submit(review.getBody(), "/intake/directives/review", "issue", changes);

    assertThat(issued.getStatusCode().is3xxRedirection()).as(issued.getBody()).isTrue();
    Directive d = directives.findByNumber(number).orElseThrow();
    assertThat(issued.getHeaders().getLocation().getPath()).isEqualTo("/dashboard/directives/" + d.id());
    assertThat(started(DirectiveProcess.KEY)).isEqualTo(before + 1);
    assertThat(d.body().items()).hasSize(demo.items().size());
    assertThat(d.body().conclusionNumber()).isEqualTo("1098-KL/TU");
    assertThat(d.collectingAgency()).isEqualTo("so-khdt");
    assertThat(jdbc.sql("select count(*) from cascade_assignment where directive_id = :d").param("d", d.id())
        .query(Integer.class).single()).isEqualTo(assignments);
  }

  @Test
  void anUnresolvedAgencyBlocksIssuingUntilTheOfficerPicksOneOrRemovesIt() {
    Browser office = new Browser("vp-ubnd");
    String number = TestDocuments.uniqueNumber("UBND-THNC");
    ResponseEntity<String> review = paste(office, "/intake/directives/new",
        LetterImportTest.UNKNOWN_AGENCY.replace("315/UBND-THNC", number));
    Document page = Jsoup.parse(review.getBody());
    Element lead = page.selectFirst("div.agency-row[data-field=items[1].agencies[0]]");
    assertThat(lead.hasClass("unresolved")).isTrue();
    assertThat(lead.selectFirst(".words").text()).isEqualTo("«Sở Du lịch»");
    assertThat(errorsOf(review.getBody(), "items[1].agencies[0]")).containsExactly(
        "Không tìm thấy cơ quan \"Sở Du lịch\" trong danh mục; xin chọn cơ quan trong danh mục hoặc bỏ đi.");
    assertThat(page.selectFirst("button#issue").hasAttr("disabled")).isTrue();

    long before = started(DirectiveProcess.KEY);
    Map<String, String> dates = datesFrom(LocalDate.now(clock));
    ResponseEntity<String> refused = office.submit(review.getBody(), "/intake/directives/review", "issue", dates);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.getBody()).selectFirst("#problems").text()).startsWith("Chưa ban hành: còn 3 điểm cần sửa.")
        .contains("Không tìm thấy cơ quan phối hợp \"Sở Du lịch\" trong danh mục",
            "Nhiệm vụ phải giao cho ít nhất một cơ quan.");
    assertThat(directives.findByNumber(number)).isEmpty();
    assertThat(started(DirectiveProcess.KEY)).isEqualTo(before);

    // The partner is removed; the lead agency is picked from the directory.
    ResponseEntity<String> removed = office.submit(refused.getBody(), "/intake/directives/review",
        "removeCoordinating:0:0:1", Map.of());
    assertThat(fields(removed.getBody())).containsEntry("items[0].bullets[0].coordinating[0].code", "so-xd")
        .doesNotContainKey("items[0].bullets[0].coordinating[1].code");
    assertThat(errorsOf(removed.getBody(), "items[1].agencies[0]")).as("the words stay with the unresolved agency")
        .containsExactly("Không tìm thấy cơ quan \"Sở Du lịch\" trong danh mục; xin chọn cơ quan trong danh mục hoặc bỏ đi.");
    assertThat(Jsoup.parse(removed.getBody()).select("span.src").eachText()).as("the sources stay on the page")
        .contains("Số: " + number, "Sở Xây dựng");
    ResponseEntity<String> issued = office.submit(removed.getBody(), "/intake/directives/review", "issue",
        Map.of("items[1].agencies[0].code", "so-vhttdl"));
    assertThat(issued.getStatusCode().is3xxRedirection()).as(issued.getBody()).isTrue();
    Directive d = directives.findByNumber(number).orElseThrow();
    assertThat(d.body().items().get(1).agencies()).containsExactly("so-vhttdl");
    assertThat(d.body().items().get(0).bullets().get(0).coordinating()).containsExactly("so-xd");
    assertThat(assignmentInstances(number, 2, "so-vhttdl")).hasSize(1);
  }

  @Test
  void aBulletsOwnDeadlineIsAnEditableFieldCheckedAndIssuedAsItsAssignmentsDeadline() {
    Browser office = new Browser("vp-ubnd");
    String number = TestDocuments.uniqueNumber("UBND-KGVX");
    ResponseEntity<String> review = paste(office, "/intake/directives/new",
        LetterImportTest.ROMAN_SECTIONS.replace("1234/UBND-KGVX", number));
    Map<String, String> proposed = fields(review.getBody());
    // "chậm nhất ngày 30/6/2021": due before 01/07/2021, shown with the words it came from.
    assertThat(proposed).containsEntry("items[0].bullets[1].deadline", "01/07/2021")
        .containsEntry("items[0].bullets[0].deadline", "").containsEntry("items[0].deadline", "");
    assertThat(Jsoup.parse(review.getBody()).select("label[for=items[0].bullets[1].deadline] ~ span.src").eachText())
        .containsExactly("chậm nhất ngày 30/6/2021");

    long before = started(DirectiveProcess.KEY);
    LocalDate today = LocalDate.now(clock);
    Map<String, String> changes = new LinkedHashMap<>(datesFrom(today));
    changes.put("items[0].bullets[1].deadline", "31/02/2027");
    changes.put("items[1].deadline", DAY.format(today.plusDays(30)));
    ResponseEntity<String> refused = office.submit(review.getBody(), "/intake/directives/review", "issue", changes);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(errorsOf(refused.getBody(), "items[0].bullets[1].deadline"))
        .containsExactly("Thời hạn riêng của nhiệm vụ phải viết theo dạng ngày/tháng/năm, ví dụ 15/08/2020.");
    assertThat(errorsOf(refused.getBody(), "items[1].deadline")).containsExactly(
        "Thời hạn riêng của nhiệm vụ không được sau hạn tổng hợp (" + DAY.format(today.plusDays(21)) + ").");
    assertThat(fields(refused.getBody())).as("what was typed stays on the page")
        .containsEntry("items[0].bullets[1].deadline", "31/02/2027")
        .containsEntry("items[1].deadline", DAY.format(today.plusDays(30)));
    assertThat(directives.findByNumber(number)).isEmpty();
    assertThat(started(DirectiveProcess.KEY)).isEqualTo(before);

    ResponseEntity<String> issued = office.submit(refused.getBody(), "/intake/directives/review", "issue",
        Map.of("items[0].bullets[1].deadline", DAY.format(today.plusDays(10)), "items[1].deadline", ""));
    assertThat(issued.getStatusCode().is3xxRedirection()).as(issued.getBody()).isTrue();
    Directive d = directives.findByNumber(number).orElseThrow();
    assertThat(d.body().items().get(0).bullets().get(1).deadline()).isEqualTo(today.plusDays(10));
    assertThat(d.body().items().get(1).deadline()).isNull();
    assertThat(jdbc.sql("select item_number, deadline from cascade_assignment where directive_id = :d"
            + " and agency_code in ('so-yt', 'so-gddt') order by item_number")
        .param("d", d.id()).query((rs, n) -> rs.getInt(1) + " " + rs.getDate(2).toLocalDate()).list())
        .containsExactly("1 " + today.plusDays(10), "2 " + today.plusDays(16));
    // The dashboard's row shows the assignment's own deadline, the others the report deadline.
    Document board = Jsoup.parse(office.get("/dashboard/directives/" + d.id()).getBody());
    assertThat(board.selectFirst("#assignments tr[data-agency=so-yt][data-item=1]").text())
        .contains(DAY.format(today.plusDays(10))).doesNotContain(DAY.format(today.plusDays(16)));
    assertThat(board.selectFirst("#assignments tr[data-agency=so-gddt][data-item=2]").text())
        .contains(DAY.format(today.plusDays(16))).doesNotContain(DAY.format(today.plusDays(10)));
  }

  @Test
  void aValidationErrorShowsBesideItsFieldAndStartsNothing() {
    Browser office = new Browser("lanh-dao-ubnd");
    String number = TestDocuments.uniqueNumber("UBND-THNC");
    ResponseEntity<String> review = paste(office, "/intake/directives/new",
        LetterImportTest.UNKNOWN_AGENCY.replace("315/UBND-THNC", number).replace("Sở Du lịch", "Sở Xây dựng"));
    long before = started(DirectiveProcess.KEY);
    LocalDate today = LocalDate.now(clock);
    ResponseEntity<String> refused = office.submit(review.getBody(), "/intake/directives/review", "issue",
        Map.of("issuedOn", DAY.format(today), "reportDeadline", DAY.format(today.minusDays(1)),
            "summaryDeadline", "31/02/2027", "items[1].bullets[0].text", " "));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(errorsOf(refused.getBody(), "reportDeadline")).containsExactly("Hạn báo cáo phải sau ngày ban hành văn bản.");
    assertThat(errorsOf(refused.getBody(), "summaryDeadline"))
        .containsExactly("Hạn tổng hợp phải viết theo dạng ngày/tháng/năm, ví dụ 15/08/2020.");
    assertThat(errorsOf(refused.getBody(), "items[1].bullets[0].text")).containsExactly("Nội dung nhiệm vụ là bắt buộc.");
    assertThat(fields(refused.getBody())).as("what was typed stays on the page")
        .containsEntry("summaryDeadline", "31/02/2027").containsEntry("number", number);
    assertThat(directives.findByNumber(number)).isEmpty();
    assertThat(started(DirectiveProcess.KEY)).isEqualTo(before);
  }

  @Test
  void anAgencyGetsForbiddenOnEveryIntakePageAndStartsNothing() throws Exception {
    Browser agency = new Browser("so-yt");
    String dashboard = agency.get("/dashboard").getBody();
    assertThat(dashboard).doesNotContain("/intake/directives/new");
    for (String path : List.of("/intake/directives/new", "/intake/directives/blank", "/intake/conclusions/new")) {
      ResponseEntity<String> page = agency.get(path);
      assertThat(page.getStatusCode().value()).as(path).isEqualTo(403);
      assertThat(page.getBody()).contains("Chỉ Văn phòng UBND, lãnh đạo UBND và quản trị viên được nhập văn bản");
    }
    long before = started(DirectiveProcess.KEY);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf(dashboard));
    form.add("number", TestDocuments.uniqueNumber("UBND-THNC"));
    form.add("action", "issue");
    assertThat(agency.post("/intake/directives/review", form, MediaType.APPLICATION_FORM_URLENCODED)
        .getStatusCode().value()).isEqualTo(403);
    form.set("text", SeedImportTest.seed());
    assertThat(agency.post("/intake/conclusions/import", form, MediaType.APPLICATION_FORM_URLENCODED)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(started(DirectiveProcess.KEY)).isEqualTo(before);

    // Without the page's token, even the office's post is refused.
    Browser office = new Browser("vp-ubnd");
    office.get("/intake/directives/new");
    LinkedMultiValueMap<String, String> forged = new LinkedMultiValueMap<>();
    forged.add("action", "check");
    assertThat(office.post("/intake/directives/review", forged, MediaType.APPLICATION_FORM_URLENCODED)
        .getStatusCode().value()).isEqualTo(403);
  }

  /** Chooses a file on the page instead of pasting. */
  private ResponseEntity<String> upload(Browser b, String page, String fileName, byte[] bytes) {
    String html = b.get(page).getBody();
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf(html));
    form.add("text", "");
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return b.post(page.replace("/new", "/import"), form, MediaType.MULTIPART_FORM_DATA);
  }

  @Test
  void aTextFileReadsLikePastedTextAndWhatIsNoLetterIsRefusedInVietnamese() throws Exception {
    Browser office = new Browser("vp-ubnd");
    ResponseEntity<String> read = upload(office, "/intake/conclusions/new", "ket-luan-1098.txt",
        SeedImportTest.seed().getBytes(StandardCharsets.UTF_8));
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(Jsoup.parse(read.getBody()).selectFirst("input[name=number]").val()).isEqualTo("1098-KL/TU");

    // The letter as its signed PDF reads as its text does: the same proposal on the review page.
    ResponseEntity<String> pdf = upload(office, "/intake/directives/new", "cong-van-8888.pdf",
        LetterDocuments.pdf(SeedImportTest.seed()));
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    Document fromPdf = Jsoup.parse(pdf.getBody());
    Document fromText = Jsoup.parse(paste(office, "/intake/directives/new", SeedImportTest.seed()).getBody());
    assertThat(fromPdf.selectFirst("input[name=number]").val()).isEqualTo("8888/UBND-THNC");
    assertThat(fromPdf.selectFirst("#fanout").text()).isEqualTo(fromText.selectFirst("#fanout").text());
    ResponseEntity<String> broken = upload(office, "/intake/directives/new", "cong-van.pdf",
        "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(Jsoup.parse(broken.getBody()).selectFirst("#letter-error").text())
        .isEqualTo("Tệp PDF “cong-van.pdf” bị hỏng hoặc không đọc được.");
    ResponseEntity<String> latin1 = upload(office, "/intake/directives/new", "cong-van.txt",
        "ngày 30/7/2020".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Jsoup.parse(latin1.getBody()).selectFirst("#letter-error").text())
        .startsWith("Tệp “cong-van.txt” không phải văn bản dạng chữ mã UTF-8.");
    ResponseEntity<String> note = paste(office, "/intake/directives/new", "Xin chào, đây là một ghi chú.");
    assertThat(note.getStatusCode().value()).isEqualTo(400);
    assertThat(Jsoup.parse(note.getBody()).selectFirst("#letter-error").text())
        .startsWith("Nội dung không phải một văn bản chỉ đạo");
    assertThat(Jsoup.parse(note.getBody()).selectFirst("textarea#text").val()).as("the pasted text stays")
        .isEqualTo("Xin chào, đây là một ghi chú.");

    LinkedMultiValueMap<String, String> huge = new LinkedMultiValueMap<>();
    huge.add("_csrf", csrf(note.getBody()));
    huge.add("items[5000].heading", "x");
    assertThat(office.post("/intake/directives/review", huge, MediaType.APPLICATION_FORM_URLENCODED)
        .getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void registeringKetLuan1098FromItsTextStartsPartyConclusion() throws Exception {
    Browser office = new Browser("vp-ubnd");
    ResponseEntity<String> review = paste(office, "/intake/conclusions/new", SeedImportTest.seed());
    assertThat(review.getStatusCode().value()).isEqualTo(200);
    Document page = Jsoup.parse(review.getBody());
    assertThat(page.selectFirst("input[name=number]").val()).isEqualTo("1098-KL/TU");
    assertThat(page.selectFirst("input[name=issuedOn]").val()).isEqualTo("16/07/2020");
    assertThat(page.select("div.item")).hasSize(SeedImportTest.demo().conclusion().items().size());
    assertThat(errorsOf(review.getBody(), "number")).as("the demo registered 1098 already")
        .containsExactly("Số Kết luận 1098-KL/TU đã tồn tại.");

    String number = TestDocuments.uniqueNumber("KL/TU").replace("/KL/TU", "-KL/TU");
    LocalDate today = LocalDate.now(clock);
    long before = started(PartyConclusionProcess.KEY);
    ResponseEntity<String> registered = office.submit(review.getBody(), "/intake/conclusions/review", "register",
        Map.of("number", number, "issuedOn", DAY.format(today), "reportBackDeadline", DAY.format(today.plusDays(150))));
    assertThat(registered.getStatusCode().is3xxRedirection()).as(registered.getBody()).isTrue();
    assertThat(started(PartyConclusionProcess.KEY)).isEqualTo(before + 1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PartyConclusionProcess.KEY)
        .processInstanceBusinessKey(number).count()).isOne();
    assertThat(office.get(registered.getHeaders().getLocation().getPath()).getBody())
        .contains("Đã đăng ký Kết luận số", number);

    // The same number again is refused beside the field, and nothing more starts.
    ResponseEntity<String> again = office.submit(review.getBody(), "/intake/conclusions/review", "register",
        Map.of("number", number, "issuedOn", DAY.format(today), "reportBackDeadline", DAY.format(today.plusDays(150))));
    assertThat(again.getStatusCode().value()).isEqualTo(400);
    assertThat(errorsOf(again.getBody(), "number")).containsExactly("Số Kết luận " + number + " đã tồn tại.");
    assertThat(started(PartyConclusionProcess.KEY)).isEqualTo(before + 1);
  }
}
