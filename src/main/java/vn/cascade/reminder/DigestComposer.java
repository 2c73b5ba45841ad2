package vn.cascade.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.Assignment;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;

/**
 * Writes the morning mails in Vietnamese from {@code templates/mail/digest.*}, {@code overdue-list.*} and
 * {@code escalation-list.*}: subject, plain text and HTML, the lines grouped by directive and item.
 */
@Component
public class DigestComposer {

  /**
   * One line of a morning mail: the reminder (days left) or urging (days late, urgings sent so far) of
   * an assignment, a directive's summary or a Conclusion's report back.
   *
   * @param item the directive's item number of an assignment, for the order of the lines
   * @param task what is owed, e.g. "Nhiệm vụ 1: …" or "Tổng hợp báo cáo của các cơ quan"
   * @param taskShort the same in a list's column, e.g. "Nhiệm vụ 1"
   */
  public record Line(ChaseSubject subject, long subjectId, String document, int item, String task, String taskShort,
      String agency, String agencyName, String deadline, boolean late, int days, int urgings, String link) {}

  /** A directive's lines, for the templates. */
  public record DocumentLines(String document, List<Line> lines) {}

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
  private final AgencyDirectory agencies;
  private final MailAddresses mails;
  private final ReminderSettings settings;

  DigestComposer(AgencyDirectory agencies, MailAddresses mails, ReminderSettings settings) {
    this.agencies = agencies;
    this.mails = mails;
    this.settings = settings;
  }

  public Line line(Assignment a, Directive d, NotificationKind kind, int days, int urgings, String link) {
    String heading = d.body().items().stream().filter(i -> i.number() == a.itemNumber()).findFirst()
        .map(DirectiveDraft.Item::heading).orElse(null);
    String item = "Nhiệm vụ " + a.itemNumber();
    return new Line(ChaseSubject.ASSIGNMENT, a.id(), "Công văn " + d.number(), a.itemNumber(),
        heading == null ? item : item + ": " + heading, item, a.agencyCode(), agencies.shortName(a.agencyCode()),
        VnDates.format(a.deadline()), kind == NotificationKind.URGING, days, urgings, link);
  }

  /** A line of the collector's summary or of the report back to the Party, after the document's items. */
  Line line(ChaseTarget t, NotificationKind kind, int days, int urgings, String link) {
    boolean summary = t.subject() == ChaseSubject.SUMMARY;
    return new Line(t.subject(), t.id(), t.documentLabel(), Integer.MAX_VALUE,
        summary ? "Tổng hợp báo cáo của các cơ quan" : "Báo cáo kết quả thực hiện cho Ban Thường vụ Tỉnh ủy",
        summary ? "Tổng hợp báo cáo" : "Báo cáo Ban Thường vụ Tỉnh ủy", t.agency(), agencies.shortName(t.agency()),
        VnDates.format(t.deadline()), kind == NotificationKind.URGING, days, urgings, link);
  }

  /** An agency's digest: "[Cascade] 3 việc sắp đến hạn, 1 việc quá hạn — 02/12/2026". */
  public Mail agencyDigest(String agency, LocalDate day, List<Line> lines) {
    long late = lines.stream().filter(Line::late).count();
    long soon = lines.size() - late;
    List<String> parts = new ArrayList<>();
    if (soon > 0) {
      parts.add(soon + " việc sắp đến hạn");
    }
    if (late > 0) {
      parts.add(late + " việc quá hạn");
    }
    String subject = "[Cascade] " + String.join(", ", parts) + " — " + VnDates.format(day);
    Context c = context(day, lines);
    c.setVariable("agencyName", agencies.get(agency).name());
    c.setVariable("soon", soon);
    c.setVariable("late", late);
    return render("mail/digest", c, mails.of(agency), List.of(), subject);
  }

  /** The office's list of everything overdue. */
  public Mail overdueList(LocalDate day, List<Line> lines) {
    Context c = context(day, lines);
    c.setVariable("agencyName", agencies.get(settings.monitoringAgency()).name());
    return render("mail/overdue-list", c, mails.of(settings.monitoringAgency()), List.of(),
        "[Cascade] Danh sách quá hạn: " + lines.size() + " việc — " + VnDates.format(day));
  }

  /** The leadership's list of what is still overdue after the last urging before escalation. */
  public Mail escalationList(LocalDate day, List<Line> lines) {
    Context c = context(day, lines);
    c.setVariable("urgings", settings.urgingsBeforeEscalation());
    c.setVariable("monitoringName", agencies.get(settings.monitoringAgency()).name());
    return render("mail/escalation-list", c, mails.of(settings.leadershipAgency()),
        mails.of(settings.monitoringAgency()), "[Cascade] Báo cáo lãnh đạo: " + lines.size()
            + " việc chưa báo cáo sau " + settings.urgingsBeforeEscalation() + " lần đôn đốc — " + VnDates.format(day));
  }

  private Context context(LocalDate day, List<Line> lines) {
    Map<String, List<Line>> byDocument = new LinkedHashMap<>();
    lines.stream().sorted(Comparator.comparing(Line::document).thenComparingInt(Line::item)
            .thenComparing(Line::agencyName))
        .forEach(l -> byDocument.computeIfAbsent(l.document(), k -> new ArrayList<>()).add(l));
    Context c = new Context(Locale.forLanguageTag("vi"));
    c.setVariable("day", VnDates.format(day));
    c.setVariable("documents", byDocument.entrySet().stream().map(e -> new DocumentLines(e.getKey(), e.getValue()))
        .toList());
    c.setVariable("tasklist", settings.tasklistBaseUrl());
    return c;
  }

  private Mail render(String template, Context c, List<String> to, List<String> cc, String subject) {
    return new Mail(to, cc, subject, text.process(template, c), html.process(template, c));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
