package vn.cascade.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.reminder.NotificationPlanner.Planned;

/** Writes a notification in Vietnamese from the templates under {@code mail/}: subject, text, HTML. */
@Component
public class MailComposer {

  /** One overdue line of an escalation. */
  public record OverdueLine(String agency, int item, String deadline, long daysLate) {}

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
  private final AgencyDirectory agencies;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final AssignmentRepository assignments;
  private final ReminderSettings settings;

  MailComposer(AgencyDirectory agencies, IdentityService identityService, TaskService taskService,
      AssignmentRepository assignments, ReminderSettings settings) {
    this.agencies = agencies;
    this.identityService = identityService;
    this.taskService = taskService;
    this.assignments = assignments;
    this.settings = settings;
  }

  /** @param asOf the moment the notification speaks of (its planned instant) */
  public Mail compose(ChaseTarget target, NotificationKind kind, int sequence, java.time.Instant asOf) {
    LocalDate today = asOf.atZone(VnDates.ZONE).toLocalDate();
    Agency agency = agencies.get(target.agency());
    Context c = new Context(Locale.forLanguageTag("vi"));
    c.setVariable("kind", kind.name());
    c.setVariable("tag", kind.tag());
    c.setVariable("documentLabel", target.documentLabel());
    c.setVariable("action", target.action());
    c.setVariable("agencyName", agency.name());
    c.setVariable("deadline", VnDates.format(target.deadline()));
    c.setVariable("beforeDeadline", VnDates.before(target.deadline()));
    c.setVariable("daysLeft", ChronoUnit.DAYS.between(today, target.deadline()));
    c.setVariable("daysLate", ChronoUnit.DAYS.between(target.deadline(), today) + 1);
    c.setVariable("sequence", sequence);
    c.setVariable("taskText", target.taskText());
    c.setVariable("link", link(target));
    c.setVariable("monitoringName", agencies.get(settings.monitoringAgency()).name());
    c.setVariable("urgings", settings.urgingsBeforeEscalation());
    List<String> to;
    List<String> cc;
    String subject;
    switch (kind) {
      case REMINDER -> {
        to = addresses(target.agency());
        cc = List.of();
        subject = "[" + kind.tag() + "] " + target.documentLabel() + " — " + target.action() + " trước "
            + VnDates.format(target.deadline());
      }
      case URGING -> {
        to = addresses(target.agency());
        cc = addresses(settings.monitoringAgency());
        subject = "[" + kind.tag() + "] " + target.documentLabel() + " — " + target.action() + " quá hạn từ "
            + VnDates.format(target.deadline()) + " (lần " + sequence + ")";
      }
      default -> {
        to = addresses(settings.leadershipAgency());
        cc = addresses(settings.monitoringAgency());
        subject = "[" + kind.tag() + "] " + target.documentLabel() + " — " + agency.shortName() + " chưa "
            + target.action() + " sau " + settings.urgingsBeforeEscalation() + " lần đôn đốc";
        c.setVariable("overdue", overdue(target, today, asOf));
      }
    }
    String template = "mail/" + kind.name().toLowerCase(Locale.ROOT);
    return new Mail(to, cc, subject, text.process(template, c), html.process(template, c));
  }

  /** The agency's own address and the address of each of its users. */
  List<String> addresses(String agencyCode) {
    Set<String> found = new LinkedHashSet<>();
    Agency agency = agencies.get(agencyCode);
    if (agency.email() != null && !agency.email().isBlank()) {
      found.add(agency.email());
    }
    for (User user : identityService.createUserQuery().memberOfGroup(agencyCode).list()) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        found.add(user.getEmail());
      }
    }
    return List.copyOf(found);
  }

  private String link(ChaseTarget target) {
    Task task = target.processInstanceId() == null ? null : taskService.createTaskQuery()
        .processInstanceId(target.processInstanceId()).taskDefinitionKey(target.taskDefinitionKey())
        .singleResult();
    return settings.tasklistBaseUrl() + (task == null ? "" : "#/?task=" + task.getId());
  }

  private List<OverdueLine> overdue(ChaseTarget target, LocalDate today, java.time.Instant asOf) {
    List<OverdueLine> lines = new ArrayList<>();
    if (target.subject() == ChaseSubject.ASSIGNMENT && target.directiveId() != null) {
      for (Assignment a : assignments.ofDirective(target.directiveId())) {
        if (!a.reported() && asOf.isAfter(a.dueAt())) {
          lines.add(new OverdueLine(agencies.shortName(a.agencyCode()), a.itemNumber(), VnDates.format(a.deadline()),
              ChronoUnit.DAYS.between(a.deadline(), today) + 1));
        }
      }
    } else {
      lines.add(new OverdueLine(agencies.shortName(target.agency()), 0, VnDates.format(target.deadline()),
          ChronoUnit.DAYS.between(target.deadline(), today) + 1));
    }
    return lines;
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
