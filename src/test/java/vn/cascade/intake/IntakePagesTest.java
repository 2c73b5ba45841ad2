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
  @Autowired vn.cascade.conclusion.ConclusionService conclusionService;
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

    ResponseEntity<byte[]> download(String path) {
      HttpHeaders h = headers(null);
      h.setAccept(List.of(MediaType.ALL));
      return as.exchange(path, org.springframework.http.HttpMethod.GET, new HttpEntity<>(h), byte[].class);
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
    // Pasted, not uploaded: no original file on its page, none to download.
    assertThat(Jsoup.parse(office.get("/dashboard/directives/" + d.id()).getBody()).selectFirst("#letter")).isNull();
    assertThat(office.download("/dashboard/directives/" + d.id() + "/letter").getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void anUploadedLetterIsKeptWithTheIssuedDirectiveAndOnlyItsReadersDownloadIt() throws Exception {
    Browser office = new Browser("vp-ubnd");
    String number = TestDocuments.uniqueNumber("UBND-THNC");
    byte[] pdf = LetterDocuments.pdf(LetterImportTest.UNKNOWN_AGENCY.replace("315/UBND-THNC", number)
        .replace("Sở Du lịch", "Sở Xây dựng"));
    ResponseEntity<String> review = upload(office, "/intake/directives/new", "Công văn 315 (bản ký).pdf", pdf);
    assertThat(review.getStatusCode().value()).as(review.getBody()).isEqualTo(200);
    assertThat(Jsoup.parse(review.getBody()).selectFirst("#letter-file").text())
        .contains("Công văn 315 (bản ký).pdf", "(PDF, " + Math.max(1, (pdf.length + 512) / 1024) + " KB)");
    String token = fields(review.getBody()).get("letterToken");
    assertThat(token).isNotBlank();

    // Another issuer holding the token (the form posted from elsewhere) gets no file: refused beside it, never attached.
    Browser leader = new Browser("lanh-dao-ubnd");
    String leaderCsrf = csrf(leader.get("/intake/directives/new").getBody());
    Map<String, String> stolen = new LinkedHashMap<>(datesFrom(LocalDate.now(clock)));
    stolen.put("_csrf", leaderCsrf);
    ResponseEntity<String> refused = leader.submit(review.getBody(), "/intake/directives/review", "issue", stolen);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.getBody()).selectFirst("#problems").text())
        .contains("Tệp văn bản gốc: Tệp văn bản gốc không còn chờ ban hành");
    assertThat(Jsoup.parse(refused.getBody()).selectFirst("#letter-file")).isNull();
    assertThat(fields(refused.getBody())).containsEntry("letterToken", "");
    assertThat(directives.findByNumber(number)).isEmpty();

    ResponseEntity<String> issued = office.submit(review.getBody(), "/intake/directives/review", "issue",
        datesFrom(LocalDate.now(clock)));
    assertThat(issued.getStatusCode().is3xxRedirection()).as(issued.getBody()).isTrue();
    Directive d = directives.findByNumber(number).orElseThrow();
    Element link = Jsoup.parse(office.get("/dashboard/directives/" + d.id()).getBody()).selectFirst("#letter-link");
    assertThat(link.text()).isEqualTo("Công văn 315 (bản ký).pdf");
    assertThat(link.parent().text()).contains("(PDF, ", "vp-ubnd tải lên lúc");

    ResponseEntity<byte[]> file = office.download(link.attr("href"));
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getBody()).isEqualTo(pdf);
    assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
        "attachment; filename=\"Cong-van-315-ban-ky.pdf\"; filename*=UTF-8''C%C3%B4ng%20v%C4%83n%20315%20%28b%E1%BA%A3n%20k%C3%BD%29.pdf");
    assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    // The token is spent: issuing the same review again attaches nothing more.
    assertThat(jdbc.sql("select count(*) from cascade_directive_letter where token = :t and directive_id = :d")
        .param("t", token).param("d", d.id()).query(Integer.class).single()).isEqualTo(1);

    // An agency of the directive reads its letter; an agency without a task in it does not.
    assertThat(new Browser("ban-qlkcn").download(link.attr("href")).getBody()).isEqualTo(pdf);
    assertThat(new Browser("so-yt").download(link.attr("href")).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aLetterFileAboveTheUploadLimitIsRefusedOnAVietnamesePage() throws Exception {
    Browser office = new Browser("vp-ubnd");
    String csrf = csrf(office.get("/intake/directives/new").getBody());
    long before = jdbc.sql("select count(*) from cascade_directive").query(Long.class).single();
    // 30 MB, sent with its length as a browser sends a form: above the multipart limit (26 MB).
    String boundary = "cascade-test-boundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ban-quet.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(new byte[30 * 1024 * 1024]);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpHeaders headers = office.headers(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
    ResponseEntity<String> refused = office.as.exchange("/intake/directives/import",
        org.springframework.http.HttpMethod.POST, new HttpEntity<>(body.toByteArray(), headers), String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(413);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(refused.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
    Document page = Jsoup.parse(refused.getBody());
    assertThat(page.selectFirst("h1").text()).isEqualTo("Tệp quá lớn");
    assertThat(page.text()).contains("lớn hơn giới hạn 20 MB", "chưa có gì thay đổi");
    assertThat(page.selectFirst("a").attr("href")).isEqualTo("/intake/directives/new");
    assertThat(jdbc.sql("select count(*) from cascade_directive").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void reopeningAFormsPostAddressLeadsBackToItsLetterPage() {
    Browser office = new Browser("vp-ubnd");
    for (String kind : List.of("directives", "conclusions")) {
      for (String step : List.of("import", "review")) {
        ResponseEntity<String> again = office.get("/intake/" + kind + "/" + step);
        assertThat(again.getStatusCode().value()).as("GET /intake/%s/%s", kind, step).isEqualTo(302);
        assertThat(again.getHeaders().getLocation().getPath()).isEqualTo("/intake/" + kind + "/new");
      }
    }
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

  @Autowired DirectiveLetters letters;

  @Test
  void filesNeverIssuedAreBoundedPerUserAndDroppedAfterADay() {
    String user = "vp-ubnd-gc-test";
    byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
    java.time.Instant start = clock.instant();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < DirectiveLetters.PENDING_PER_USER + 1; i++) {
      clock.set(start.plusSeconds(i));
      tokens.add(letters.keep("letter-" + i + ".pdf", pdf, user));
    }
    assertThat(letters.pending(tokens.get(0), user)).as("the oldest, beyond the last five").isEmpty();
    assertThat(letters.pending(tokens.get(1), user)).isPresent();
    assertThat(letters.pending(tokens.get(1), "vp-ubnd")).as("another user's token").isEmpty();
    assertThat(jdbc.sql("select count(*) from cascade_directive_letter where uploaded_by = :u").param("u", user)
        .query(Integer.class).single()).isEqualTo(DirectiveLetters.PENDING_PER_USER);

    // A day later they are gone, on the next file anyone keeps.
    clock.set(start.plus(DirectiveLetters.PENDING_FOR).plusSeconds(60));
    assertThat(letters.pending(tokens.get(5), user)).isEmpty();
    letters.keep("later.pdf", pdf, "lanh-dao-ubnd");
    assertThat(jdbc.sql("select count(*) from cascade_directive_letter where uploaded_by = :u").param("u", user)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void anUploadedConclusionIsKeptWithItsRegistrationForTheOfficeOnly() throws Exception {
    Browser office = new Browser("vp-ubnd");
    String number = TestDocuments.uniqueNumber("KL/TU").replace("/KL/TU", "-KL/TU");
    byte[] txt = SeedImportTest.seed().getBytes(StandardCharsets.UTF_8);
    ResponseEntity<String> review = upload(office, "/intake/conclusions/new", "Kết luận 1098.txt", txt);
    assertThat(Jsoup.parse(review.getBody()).selectFirst("#letter-file").text()).contains("Kết luận 1098.txt", "(TXT, ");
    LocalDate today = LocalDate.now(clock);
    ResponseEntity<String> registered = office.submit(review.getBody(), "/intake/conclusions/review", "register",
        Map.of("number", number, "issuedOn", DAY.format(today), "reportBackDeadline", DAY.format(today.plusDays(150))));
    assertThat(registered.getStatusCode().is3xxRedirection()).as(registered.getBody()).isTrue();
    long id = jdbc.sql("select id from cascade_conclusion where number = :n").param("n", number).query(Long.class).single();

    Element link = Jsoup.parse(office.get("/dashboard/conclusions/" + id + "/report-back").getBody())
        .selectFirst("#letter-link");
    assertThat(link.text()).isEqualTo("Kết luận 1098.txt");
    ResponseEntity<byte[]> file = office.download(link.attr("href"));
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getBody()).isEqualTo(txt);
    assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
    assertThat(new Browser("so-khdt").download(link.attr("href")).getStatusCode().value()).isEqualTo(403);
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

  @Test
  void theDraftingTaskOfARegisteredConclusionGetsItsListFromTheReviewPageAndTheLeaderApprovesIt() throws Exception {
    LocalDate today = LocalDate.now(clock);
    vn.cascade.conclusion.Conclusion c = conclusionService.register(TestDocuments.conclusion(today.minusDays(14)));
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_RECORD_RECEIPT),
        Map.of("incomingNumber", "7.17.BCS", "incomingDate", today.minusDays(7).toString()));
    org.camunda.bpm.engine.task.Task drafting = taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_DRAFT_DIRECTIVE);
    assertThat(viewOf(drafting).get("draftMissing")).as("nothing saved yet").isNotNull();
    // Completed as Tasklist does, with the form's fields filled but no list saved: refused in Vietnamese.
    TestRestTemplate engine = http.withBasicAuth("vp-ubnd", "demo");
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    engine.postForEntity("/engine-rest/task/" + drafting.getId() + "/claim",
        new HttpEntity<>(Map.of("userId", "vp-ubnd"), json), String.class);
    Map<String, Object> typed = Map.of("directiveNumber", Map.of("value", "1/UBND-THNC"),
        "directiveDate", Map.of("value", today.toString()), "directiveTitle", Map.of("value", "V/v triển khai"),
        "reportDeadline", Map.of("value", today.plusDays(16).toString()),
        "summaryDeadline", Map.of("value", today.plusDays(21).toString()));
    ResponseEntity<String> refused = engine.postForEntity("/engine-rest/task/" + drafting.getId() + "/submit-form",
        new HttpEntity<>(Map.of("variables", typed), json), String.class);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("Chưa có dự thảo và danh sách nhiệm vụ");
    assertThat(taskService.createTaskQuery().taskId(drafting.getId()).count()).isOne();

    // The seed's Công văn, said to implement this Conclusion: the primary button saves into the task instead.
    Browser office = new Browser("vp-ubnd");
    String pasted = paste(office, "/intake/directives/new", SeedImportTest.seed()).getBody();
    String number = TestDocuments.uniqueNumber("UBND-THNC");
    Map<String, String> changes = new LinkedHashMap<>(datesFrom(today));
    changes.put("number", number);
    changes.put("conclusionNumber", c.number());
    ResponseEntity<String> checked = office.submit(pasted, "/intake/directives/review", "check", changes);
    Document page = Jsoup.parse(checked.getBody());
    assertThat(page.selectFirst("button#issue")).as("no Ban hành while the drafting task is open").isNull();
    assertThat(page.selectFirst("button#save-draft").text()).isEqualTo("Lưu dự thảo vào nhiệm vụ soạn thảo");
    assertThat(page.selectFirst("a#drafting-task").attr("href")).endsWith("?task=" + drafting.getId());

    // Ban hành is refused while the drafting task is open: the leader approves the draft first.
    ResponseEntity<String> issuing = office.submit(checked.getBody(), "/intake/directives/review", "issue", Map.of());
    assertThat(issuing.getStatusCode().value()).isEqualTo(400);
    assertThat(errorsOf(issuing.getBody(), "conclusionNumber")).singleElement().asString()
        .startsWith("Kết luận " + c.number() + " đang ở bước soạn thảo văn bản triển khai");
    assertThat(directives.findByNumber(number)).isEmpty();

    // An agency may not save into the task, nor open the page of its draft; an unknown Conclusion is 404.
    Browser agency = new Browser("so-yt");
    assertThat(agency.get("/intake/directives/from-conclusion/" + c.id()).getStatusCode().value()).isEqualTo(403);
    assertThat(office.get("/intake/directives/from-conclusion/99999999").getStatusCode().value()).isEqualTo(404);
    LinkedMultiValueMap<String, String> forged = new LinkedMultiValueMap<>();
    fields(checked.getBody()).forEach(forged::add);
    forged.set("_csrf", csrf(agency.get("/dashboard").getBody()));
    forged.add("action", "saveDraft");
    assertThat(agency.post("/intake/directives/review", forged, MediaType.APPLICATION_FORM_URLENCODED)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(directiveService.draftOfConclusion(c.id())).isEmpty();

    long directivesBefore = started(DirectiveProcess.KEY);
    ResponseEntity<String> saved = office.submit(checked.getBody(), "/intake/directives/review", "saveDraft", Map.of());
    assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
    assertThat(Jsoup.parse(saved.getBody()).selectFirst("#draft-saved").text()).startsWith("Đã lưu dự thảo");
    Directive draft = directiveService.draftOfConclusion(c.id()).orElseThrow();
    assertThat(draft.number()).isEqualTo(number);
    assertThat(draft.status()).isEqualTo(Directive.Status.DRAFT);
    assertThat(started(DirectiveProcess.KEY)).as("nothing issued").isEqualTo(directivesBefore);
    assertThat(jdbc.sql("select count(*) from cascade_assignment where directive_id = :d").param("d", draft.id())
        .query(Integer.class).single()).as("nothing assigned yet").isZero();

    // The drafting task shows the list read-only, its fan-out, and the page to edit it on.
    DirectiveDraft demo = SeedImportTest.demo().directive();
    Set<String> agencies = new HashSet<>();
    int assignments = 0;
    for (DirectiveDraft.Item item : demo.items()) {
      Set<String> codes = directiveService.addressees(item);
      assignments += codes.size();
      agencies.addAll(codes);
    }
    Map<String, Object> view = viewOf(drafting);
    assertThat(view).doesNotContainKey("draftMissing");
    assertThat(view.get("draftFanOutText")).isEqualTo("Sẽ giao " + assignments + " nhiệm vụ cho " + agencies.size() + " cơ quan");
    assertThat((String) view.get("draftAssignmentsText")).contains("Sở Kế hoạch và Đầu tư");
    assertThat(view.get("intakePageUrl")).isEqualTo("/intake/directives/from-conclusion/" + c.id());
    Document again = Jsoup.parse(office.get("/intake/directives/from-conclusion/" + c.id()).getBody());
    assertThat(again.selectFirst("input[name=number]").val()).as("the page opens with the saved draft").isEqualTo(number);
    assertThat(again.select("div.item")).hasSize(demo.items().size());
    assertThat(again.selectFirst("button#save-draft")).isNotNull();

    completeAs("vp-ubnd", drafting, Map.of());
    completeAs("lanh-dao-ubnd", taskOf(c.processInstanceId(), PartyConclusionProcess.TASK_APPROVE_DIRECTIVE),
        Map.of("directiveDecision", "approve", "approvalComment", "Đồng ý ban hành."));
    Directive issued = directiveService.get(draft.id());
    assertThat(issued.status()).isEqualTo(Directive.Status.ISSUED);
    assertThat(issued.body().conclusionNumber()).isEqualTo(c.number());
    assertThat(jdbc.sql("select count(*) from cascade_assignment where directive_id = :d").param("d", issued.id())
        .query(Integer.class).single()).isEqualTo(assignments);
  }
}
