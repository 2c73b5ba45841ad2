package vn.cascade.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestSmtp;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;
import vn.cascade.reminder.MorningDigestProcess;

/**
 * The administrator's directory page: what is changed there applies at once (groups, mails,
 * group selectors) and is recorded; the directory goes out and comes back as XLSX unchanged; a bad
 * file changes nothing; agencies may not use the page.
 */
class AgencyAdminPageTest extends CascadeIntegrationTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired TestRestTemplate http;
  @Autowired AgencyDirectory directory;
  @Autowired DirectiveService directives;
  @Autowired JdbcClient jdbc;

  /** A logged-in browser: a session cookie and the page's CSRF token. */
  private record Session(TestRestTemplate as, String cookie, String csrf) {

    ResponseEntity<String> post(String path, LinkedMultiValueMap<String, Object> form, MediaType type) {
      form.add("_csrf", csrf);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(type);
      headers.add(HttpHeaders.COOKIE, cookie);
      return as.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    ResponseEntity<String> form(String path, String... pairs) {
      LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        form.add(pairs[i], pairs[i + 1]);
      }
      return post(path, form, MediaType.APPLICATION_FORM_URLENCODED);
    }

    ResponseEntity<String> upload(byte[] xlsx) {
      LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("file", new ByteArrayResource(xlsx) {
        @Override
        public String getFilename() {
          return "danh-muc.xlsx";
        }
      });
      return post("/admin/agencies/import", form, MediaType.MULTIPART_FORM_DATA);
    }
  }

  private Session login(String user, String password, String page) {
    TestRestTemplate as = http.withBasicAuth(user, password);
    ResponseEntity<String> opened = as.getForEntity(page, String.class);
    assertThat(opened.getStatusCode().value()).isEqualTo(200);
    Matcher token = CSRF.matcher(opened.getBody());
    assertThat(token.find()).as("the page carries its CSRF token").isTrue();
    String cookie = opened.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";", 2)[0];
    return new Session(as, cookie, token.group(1));
  }

  private Session admin() {
    return login("admin", "admin", "/admin/agencies");
  }

  /** Saved: the page the change redirects to (followed) says so. */
  private static void assertSaved(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    assertThat(response.getBody()).contains("Đã lưu. Thay đổi có hiệu lực ngay.");
  }

  private long changeCount() {
    return jdbc.sql("select count(*) from cascade_agency_change").query(Long.class).single();
  }

  private byte[] export(Session s) {
    ResponseEntity<byte[]> file = s.as().getForEntity("/admin/agencies/export.xlsx", byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    return file.getBody();
  }

  @BeforeEach
  void noOtherChaseIsDue() {
    // One database for the suite, as in ReminderMailTest: only this test's chases are due on its mornings.
    jdbc.sql("delete from cascade_chase").update();
    jdbc.sql("delete from cascade_digest_item").update();
    jdbc.sql("delete from cascade_notification where subject_kind = 'DIGEST'").update();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(MorningDigestProcess.KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "another test's morning"));
  }

  private void morning(LocalDate day) {
    clock.set(LocalDateTime.of(day, LocalTime.of(8, 0)).atZone(VnDates.ZONE).toInstant());
    Job timer = managementService.createJobQuery().processDefinitionKey(MorningDigestProcess.KEY).timers()
        .singleResult();
    assertThat(timer).as("the morning run's timer waits").isNotNull();
    managementService.executeJob(timer.getId());
    executeAsyncJobs();
  }

  private static List<String> recipients(MimeMessage m) throws Exception {
    return Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
  }

  @Test
  void anAgencyAddedAndGivenANewMailOnThePageGetsItsNextReminderThereWithoutARestart() throws Exception {
    Session admin = admin();
    long changes = changeCount();
    ResponseEntity<String> wrong = admin.form("/admin/agencies", "code", "ban-thu-nghiem-mail", "name", " ",
        "aliases", "", "kind", "bộ", "emails", "cu@ban-tn.example, khong-phai-dia-chi", "parent", "so-khong-co",
        "statisticsCode", "");
    assertThat(wrong.getStatusCode().value()).isEqualTo(400);
    assertThat(wrong.getBody()).contains("Chưa lưu được:", "tên cơ quan là bắt buộc.",
        "loại cơ quan &quot;bộ&quot; không có", "địa chỉ thư điện tử &quot;khong-phai-dia-chi&quot; không hợp lệ",
        "cơ quan cấp trên &quot;so-khong-co&quot; không có trong danh mục.");
    assertThat(directory.exists("ban-thu-nghiem-mail")).isFalse();
    assertThat(changeCount()).isEqualTo(changes);

    ResponseEntity<String> added = admin.form("/admin/agencies", "code", "ban-thu-nghiem-mail",
        "name", "Ban Thử nghiệm thư", "aliases", "BTN thư\nBan TN", "kind", "office",
        "emails", "cu@ban-tn.example", "parent", "", "statisticsCode", "");
    assertSaved(added);
    assertThat(identityService.createGroupQuery().groupId("ban-thu-nghiem-mail").singleResult().getName())
        .as("its Camunda group exists at once").isEqualTo("Ban Thử nghiệm thư");
    assertThat(directory.byName("btn  THƯ")).as("its alias names it at once").get()
        .extracting(Agency::code).isEqualTo("ban-thu-nghiem-mail");

    LocalDate issued = LocalDate.of(2026, 12, 1);
    clock.set(LocalDateTime.of(issued, LocalTime.of(9, 0)).atZone(VnDates.ZONE).toInstant());
    Directive d = directives.issue(directive(issued, "ban-thu-nghiem-mail"));
    executeAsyncJobs();
    assertThat(taskService.createTaskQuery().taskCandidateGroup("ban-thu-nghiem-mail").count())
        .as("the new agency has its task").isEqualTo(1);

    // Another node of a cluster, with its own copy of the directory, read before the change.
    AgencyStore store = new AgencyStore(jdbc, transactions);
    AgencyDirectory otherNode = new AgencyDirectory(new ClassPathResource("agencies/dong-nai.yaml"), store,
        Duration.ZERO);
    AgencyDirectory slowNode = new AgencyDirectory(new ClassPathResource("agencies/dong-nai.yaml"), store,
        Duration.ofHours(1));
    assertThat(otherNode.get("ban-thu-nghiem-mail").emails()).containsExactly("cu@ban-tn.example");

    ResponseEntity<String> edited = admin.form("/admin/agencies/ban-thu-nghiem-mail", "name", "Ban Thử nghiệm thư điện tử",
        "aliases", "BTN thư\nBan TN", "kind", "office", "emails", "moi@ban-tn.example", "parent", "",
        "statisticsCode", "");
    assertSaved(edited);
    assertThat(identityService.createGroupQuery().groupId("ban-thu-nghiem-mail").singleResult().getName())
        .as("its group is renamed at once").isEqualTo("Ban Thử nghiệm thư điện tử");
    assertThat(otherNode.get("ban-thu-nghiem-mail").emails()).as("the other node sees the new version")
        .containsExactly("moi@ban-tn.example");
    assertThat(slowNode.get("ban-thu-nghiem-mail").emails()).as("until it checks, a node keeps its copy")
        .containsExactly("cu@ban-tn.example");
    String page = admin.as().getForObject("/admin/agencies/ban-thu-nghiem-mail", String.class);
    assertThat(page).as("the change is recorded: who and what")
        .contains("admin", "Thư điện tử: cu@ban-tn.example → moi@ban-tn.example", "thêm mới");

    morning(LocalDate.of(2026, 12, 10)); // 7 days before the deadline (trước ngày 17/12/2026)
    List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages());
    assertThat(mails).as("the reminder went out").isNotEmpty();
    List<String> to = new java.util.ArrayList<>();
    for (MimeMessage m : mails) {
      to.addAll(recipients(m));
    }
    assertThat(to).contains("moi@ban-tn.example").doesNotContain("cu@ban-tn.example");
  }

  @Test
  void theDirectoryExportedAndImportedBackChangesNothing() {
    Session admin = admin();
    byte[] xlsx = export(admin);
    long changes = changeCount();
    AgencyDirectory.Snapshot before = jdbcSnapshot();

    ResponseEntity<String> imported = admin.upload(xlsx);

    assertThat(imported.getStatusCode().value()).isEqualTo(200);
    assertThat(imported.getBody()).contains("Đã nhập tệp: danh mục không có gì thay đổi.");
    assertThat(changeCount()).isEqualTo(changes);
    assertThat(jdbcSnapshot()).isEqualTo(before);
    assertThat(before.byCode()).hasSize(directory.all().size()).containsKey("so-khdt");

    // The same file with one row more adds that agency, and only it.
    byte[] more = withRow(xlsx, "phong-thu-nghiem-nhap", "Phòng Thử nghiệm nhập tệp", "PTN; Phòng TN", "office",
        "ptn@dongnai.example, ptn2@dongnai.example", "vp-ubnd", "", "có");
    assertThat(admin.upload(more).getBody()).contains("Đã nhập tệp: 1 cơ quan được thêm hoặc thay đổi.");
    assertThat(changeCount()).isEqualTo(changes + 1);
    assertThat(directory.get("phong-thu-nghiem-nhap")).satisfies(a -> {
      assertThat(a.emails()).containsExactly("ptn@dongnai.example", "ptn2@dongnai.example");
      assertThat(a.aliases()).containsExactly("PTN", "Phòng TN");
      assertThat(a.parent()).isEqualTo("vp-ubnd");
    });
    assertThat(identityService.createGroupQuery().groupId("phong-thu-nghiem-nhap").count()).isEqualTo(1);
  }

  private static byte[] withRow(byte[] xlsx, String... cells) {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      for (int i = 0; i < cells.length; i++) {
        row.createCell(i).setCellValue(cells[i]);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aFileWithABadRowIsRefusedWithItsRowNumbersAndChangesNothing() throws Exception {
    Session admin = admin();
    byte[] xlsx = export(admin);
    byte[] bad;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      sheet.getRow(1).getCell(1).setCellValue("Tên đã đổi, không được lưu"); // a valid change on row 2
      sheet.getRow(2).getCell(4).setCellValue("khong-phai-dia-chi"); // row 3: bad e-mail
      sheet.getRow(3).getCell(3).setCellValue("bộ"); // row 4: unknown kind
      sheet.getRow(4).getCell(5).setCellValue("khong-co-co-quan-nay"); // row 5: unknown parent
      Row copy = sheet.createRow(sheet.getLastRowNum() + 1); // a last row repeating row 2's code
      for (int i = 0; i < 8; i++) {
        copy.createCell(i).setCellValue(sheet.getRow(1).getCell(i).getStringCellValue());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      bad = out.toByteArray();
    }
    int last = directory.all().size() + 2;
    String firstCode = directory.all().iterator().next().code();
    long changes = changeCount();
    AgencyDirectory.Snapshot before = jdbcSnapshot();

    ResponseEntity<String> refused = admin.upload(bad);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("Không nhập được tệp; danh mục không thay đổi.",
        "Dòng 3: địa chỉ thư điện tử &quot;khong-phai-dia-chi&quot; không hợp lệ",
        "Dòng 4: loại cơ quan &quot;bộ&quot; không có",
        "Dòng 5: cơ quan cấp trên &quot;khong-co-co-quan-nay&quot; không có trong danh mục",
        "Dòng " + last + ": mã cơ quan " + firstCode + " trùng với dòng 2.");
    assertThat(changeCount()).isEqualTo(changes);
    assertThat(jdbcSnapshot()).isEqualTo(before);
    assertThat(directory.get(firstCode).name()).isNotEqualTo("Tên đã đổi, không được lưu");
  }

  @Test
  void anAgencyMayNotOpenNorChangeTheDirectory() {
    TestRestTemplate agency = http.withBasicAuth("so-yt", "demo");
    assertThat(agency.getForEntity("/admin/agencies", String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(agency.getForEntity("/admin/agencies/export.xlsx", String.class).getStatusCode().value())
        .isEqualTo(403);
    // With a valid session and CSRF token of a page it may open, the change is still refused.
    Session own = login("so-yt", "demo", "/dashboard");
    ResponseEntity<String> add = own.form("/admin/agencies", "code", "ban-cua-so-yt", "name", "Ban của Sở Y tế",
        "kind", "department", "emails", "", "aliases", "", "parent", "", "statisticsCode", "");
    assertThat(add.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> off = own.form("/admin/agencies/so-yt/active", "active", "false");
    assertThat(off.getStatusCode().value()).isEqualTo(403);
    assertThat(directory.exists("ban-cua-so-yt")).isFalse();
    assertThat(directory.isActive("so-yt")).isTrue();
  }

  @Test
  void aDeactivatedAgencyKeepsItsPastAssignmentButIsNoLongerADepartmentNorGivenNewWork() {
    Session admin = admin();
    String code = "so-thu-nghiem-ngung";
    assertSaved(admin.form("/admin/agencies", "code", code, "name", "Sở Thử nghiệm ngừng hoạt động",
        "aliases", "", "kind", "department", "emails", code + "@dongnai.example", "parent", "",
        "statisticsCode", ""));
    Directive d;
    try {
      assertThat(directory.expand("all:department").orElseThrow()).extracting(Agency::code).contains(code);
      d = directives.issue(directive(LocalDate.now(clock), code));
    } finally {
      assertSaved(admin.form("/admin/agencies/" + code + "/active", "active", "false"));
    }

    assertThat(directory.expand("all:department").orElseThrow()).extracting(Agency::code).doesNotContain(code);
    assertThat(directory.expand("các sở, ngành").orElseThrow()).extracting(Agency::code).doesNotContain(code);
    assertThat(directory.find(code)).get().satisfies(a -> assertThat(a.active()).isFalse());
    String dashboard = admin.as().getForObject("/dashboard/agencies/" + code, String.class);
    assertThat(dashboard).contains("Sở Thử nghiệm ngừng hoạt động", d.number());
    assertThat(admin.as().getForObject("/dashboard/directives/" + d.id(), String.class))
        .contains("Sở Thử nghiệm ngừng hoạt động");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> directives.issue(directive(LocalDate.now(clock), code)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("đã ngừng hoạt động");
    assertThat(admin.as().getForObject("/admin/agencies/" + code, String.class)).contains("ngừng hoạt động",
        "Tình trạng: đang hoạt động → ngừng hoạt động");
  }

  private AgencyDirectory.Snapshot jdbcSnapshot() {
    return new AgencyStore(jdbc, transactions).load();
  }

  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
}
