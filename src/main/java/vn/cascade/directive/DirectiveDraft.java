package vn.cascade.directive;

import java.time.LocalDate;
import java.util.List;

/**
 * An implementing directive (Công văn) with its numbered items, as drafted or posted to the API.
 * Deadlines are "trước ngày" days: due at the start of that day.
 */
public record DirectiveDraft(
    String number,
    LocalDate issuedOn,
    String place,
    String issuer,
    String issuerAgency,
    String signer,
    String signerTitle,
    String title,
    List<String> addressees,
    String preamble,
    LocalDate reportDeadline,
    String reportTo,
    String reportInstruction,
    LocalDate summaryDeadline,
    String collectingAgency,
    String summaryInstruction,
    String monitoringAgency,
    String monitoringInstruction,
    String conclusionNumber,
    List<Recipient> recipients,
    List<Item> items,
    List<Integer> reminderOffsetsDays,
    String reviewingAgency) {

  public static final String DEFAULT_COLLECTING_AGENCY = "so-khdt";
  public static final String DEFAULT_MONITORING_AGENCY = "vp-ubnd";

  public DirectiveDraft {
    addressees = addressees == null ? List.of() : addressees;
    recipients = recipients == null ? List.of() : recipients;
    items = items == null ? List.of() : items;
    reminderOffsetsDays = reminderOffsetsDays == null ? List.of() : reminderOffsetsDays;
  }

  /** Who reviews each report before it counts: by default the collecting agency. */
  public String reviewingAgencyOrDefault() {
    return reviewingAgency == null || reviewingAgency.isBlank() ? collectingAgencyOrDefault() : reviewingAgency;
  }

  public String collectingAgencyOrDefault() {
    return collectingAgency == null || collectingAgency.isBlank() ? DEFAULT_COLLECTING_AGENCY : collectingAgency;
  }

  /**
   * One numbered item: its heading, the agencies it is given to, its bullets, and the deadline the
   * letter gives it of its own ("chậm nhất ngày 30/6/2021"), if any.
   */
  public record Item(Integer number, String heading, List<String> agencies, List<Integer> conclusionItems,
      List<Bullet> bullets, LocalDate deadline) {
    public Item {
      agencies = agencies == null ? List.of() : agencies;
      conclusionItems = conclusionItems == null ? List.of() : conclusionItems;
      bullets = bullets == null ? List.of() : bullets;
    }

    /** An item that takes the directive's report deadline. */
    public Item(Integer number, String heading, List<String> agencies, List<Integer> conclusionItems,
        List<Bullet> bullets) {
      this(number, heading, agencies, conclusionItems, bullets, null);
    }

    /**
     * The deadline of this item's assignments: the earliest of its own and its bullets' deadlines,
     * else the directive's report deadline.
     */
    public LocalDate deadlineOr(LocalDate reportDeadline) {
      LocalDate earliest = deadline;
      for (Bullet b : bullets) {
        if (b != null && b.deadline() != null && (earliest == null || b.deadline().isBefore(earliest))) {
          earliest = b.deadline();
        }
      }
      return earliest == null ? reportDeadline : earliest;
    }
  }

  /** One task of an item; coordinating agencies (phối hợp) help the lead agency with it. */
  public record Bullet(String text, List<String> coordinating, LocalDate deadline) {
    public Bullet {
      coordinating = coordinating == null ? List.of() : coordinating;
    }

    /** A task without a deadline of its own. */
    public Bullet(String text, List<String> coordinating) {
      this(text, coordinating, null);
    }
  }

  /** A line of "Nơi nhận": who receives the letter and why. */
  public record Recipient(String name, String purpose, String agency) {}

  /** The same draft with every text in Unicode NFC, so that names typed in decomposed form match. */
  public DirectiveDraft normalized() {
    return new DirectiveDraft(nfc(number), issuedOn, nfc(place), nfc(issuer), nfc(issuerAgency), nfc(signer),
        nfc(signerTitle), nfc(title), addressees.stream().map(DirectiveDraft::nfc).toList(), nfc(preamble),
        reportDeadline, nfc(reportTo), nfc(reportInstruction), summaryDeadline, nfc(collectingAgency),
        nfc(summaryInstruction), nfc(monitoringAgency), nfc(monitoringInstruction), nfc(conclusionNumber),
        recipients.stream().map(r -> r == null ? null : new Recipient(nfc(r.name()), nfc(r.purpose()), nfc(r.agency())))
            .toList(),
        items.stream().map(i -> i == null ? null : new Item(i.number(), nfc(i.heading()),
            i.agencies().stream().map(DirectiveDraft::nfc).toList(), i.conclusionItems(),
            i.bullets().stream().map(b -> b == null ? null : new Bullet(nfc(b.text()),
                b.coordinating().stream().map(DirectiveDraft::nfc).toList(), b.deadline())).toList(),
            i.deadline())).toList(),
        reminderOffsetsDays, reviewingAgency);
  }

  private static String nfc(String s) {
    return vn.cascade.common.Texts.nfc(s);
  }

  public DirectiveDraft withMetadata(String newNumber, LocalDate newIssuedOn, String newTitle,
      LocalDate newReportDeadline, LocalDate newSummaryDeadline) {
    return new DirectiveDraft(newNumber, newIssuedOn, place, issuer, issuerAgency, signer, signerTitle, newTitle,
        addressees, preamble, newReportDeadline, reportTo, reportInstruction, newSummaryDeadline, collectingAgency,
        summaryInstruction, monitoringAgency, monitoringInstruction, conclusionNumber, recipients, items,
        reminderOffsetsDays, reviewingAgency);
  }

  /** The same draft with every date, the items' and bullets' own deadlines too, moved by that many days. */
  public DirectiveDraft shiftedBy(long days) {
    List<Item> shifted = items.stream().map(i -> i == null ? null : new Item(i.number(), i.heading(), i.agencies(),
        i.conclusionItems(), i.bullets().stream().map(b -> b == null ? null
            : new Bullet(b.text(), b.coordinating(), plus(b.deadline(), days))).toList(), plus(i.deadline(), days)))
        .toList();
    return new DirectiveDraft(number, plus(issuedOn, days), place, issuer, issuerAgency, signer, signerTitle, title,
        addressees, preamble, plus(reportDeadline, days), reportTo, reportInstruction, plus(summaryDeadline, days),
        collectingAgency, summaryInstruction, monitoringAgency, monitoringInstruction, conclusionNumber, recipients,
        shifted, reminderOffsetsDays, reviewingAgency);
  }

  public DirectiveDraft withConclusionNumber(String conclusion) {
    return new DirectiveDraft(number, issuedOn, place, issuer, issuerAgency, signer, signerTitle, title,
        addressees, preamble, reportDeadline, reportTo, reportInstruction, summaryDeadline, collectingAgency,
        summaryInstruction, monitoringAgency, monitoringInstruction, conclusion, recipients, items,
        reminderOffsetsDays, reviewingAgency);
  }

  private static LocalDate plus(LocalDate d, long days) {
    return d == null ? null : d.plusDays(days);
  }
}
