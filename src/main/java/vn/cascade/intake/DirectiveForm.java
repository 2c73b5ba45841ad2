package vn.cascade.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.directive.DirectiveDraft;

/**
 * The review page's form of a directive, as the browser posts it back ({@code items[0].bullets[1].text}):
 * every field as typed (dates as dd/MM/yyyy), and beside each proposal the words of the letter it came
 * from, so that they stay on the page while the officer corrects.
 */
public class DirectiveForm {

  private String number;
  private String issuedOn;
  private String place;
  private String issuer;
  private String issuerAgency;
  private String signer;
  private String signerTitle;
  private String title;
  private String conclusionNumber;
  private String conclusionIssuedOn;
  private String addressees;
  private String preamble;
  private String reportDeadline;
  private String reportTo;
  private String reportInstruction;
  private String summaryDeadline;
  private String collectingAgency;
  private String summaryInstruction;
  private String monitoringAgency;
  private String monitoringInstruction;
  private List<RecipientRow> recipients = new ArrayList<>();
  private List<ItemRow> items = new ArrayList<>();
  /** The words behind the one-value fields, by field name ("number", "reportDeadline"). */
  private Map<String, String> sources = new HashMap<>();
  /** The token of the uploaded letter file kept for this review ({@link DirectiveLetters}); null when pasted. */
  private String letterToken;

  /** A form to fill in from nothing: one item with one task. */
  static DirectiveForm blank() {
    DirectiveForm f = new DirectiveForm();
    f.items.add(ItemRow.blank(1));
    return f;
  }

  /** The import's proposal as a form; an agency the directory does not know keeps only its words. */
  static DirectiveForm of(ImportedDirective imported, AgencyDirectory directory) {
    DirectiveDraft d = imported.draft();
    Map<String, String> src = imported.sources();
    DirectiveForm f = new DirectiveForm();
    f.number = d.number();
    f.issuedOn = LetterForms.date(d.issuedOn());
    f.place = d.place();
    f.issuer = d.issuer();
    f.issuerAgency = d.issuerAgency();
    f.signer = d.signer();
    f.signerTitle = d.signerTitle();
    f.title = d.title();
    if (imported.implementsConclusion() != null) {
      f.conclusionNumber = imported.implementsConclusion().number();
      f.conclusionIssuedOn = LetterForms.date(imported.implementsConclusion().issuedOn());
    } else {
      f.conclusionNumber = d.conclusionNumber();
    }
    f.addressees = String.join("\n", d.addressees());
    f.preamble = d.preamble();
    f.reportDeadline = LetterForms.date(d.reportDeadline());
    f.reportTo = d.reportTo();
    f.reportInstruction = d.reportInstruction();
    f.summaryDeadline = LetterForms.date(d.summaryDeadline());
    f.collectingAgency = d.collectingAgency();
    f.summaryInstruction = d.summaryInstruction();
    f.monitoringAgency = d.monitoringAgency();
    f.monitoringInstruction = d.monitoringInstruction();
    for (String key : List.of("number", "issuedOn", "place", "issuer", "signer", "signerTitle", "title", "preamble",
        "reportDeadline", "reportTo", "reportInstruction", "summaryDeadline", "collectingAgency", "summaryInstruction",
        "monitoringAgency", "monitoringInstruction")) {
      if (src.get(key) != null) {
        f.sources.put(key, src.get(key));
      }
    }
    if (src.get("implements") != null) {
      f.sources.put("conclusionNumber", src.get("implements"));
    }
    for (int i = 0; i < d.recipients().size(); i++) {
      DirectiveDraft.Recipient r = d.recipients().get(i);
      RecipientRow row = new RecipientRow();
      row.name = r.name();
      row.purpose = r.purpose();
      row.agency = r.agency();
      row.source = src.get("recipients[" + i + "]");
      f.recipients.add(row);
    }
    for (int i = 0; i < d.items().size(); i++) {
      DirectiveDraft.Item item = d.items().get(i);
      String at = "items[" + i + "]";
      ItemRow row = new ItemRow();
      row.number = item.number() == null ? "" : item.number().toString();
      row.numberAsWritten = i < imported.itemNumbers().size() ? imported.itemNumbers().get(i) : null;
      row.heading = item.heading();
      row.source = src.get(at);
      row.deadline = LetterForms.date(item.deadline());
      row.deadlineSource = src.get(at + ".deadline");
      for (int j = 0; j < item.agencies().size(); j++) {
        row.agencies.add(AgencyRow.of(item.agencies().get(j), src.get(at + ".agencies[" + j + "]"), directory));
      }
      for (int k = 0; k < item.bullets().size(); k++) {
        DirectiveDraft.Bullet b = item.bullets().get(k);
        String bat = at + ".bullets[" + k + "]";
        BulletRow bullet = new BulletRow();
        bullet.text = b.text();
        bullet.source = src.get(bat);
        bullet.deadline = LetterForms.date(b.deadline());
        bullet.deadlineSource = src.get(bat + ".deadline");
        for (int m = 0; m < b.coordinating().size(); m++) {
          bullet.coordinating.add(AgencyRow.of(b.coordinating().get(m), src.get(bat + ".coordinating[" + m + "]"),
              directory));
        }
        row.bullets.add(bullet);
      }
      f.items.add(row);
    }
    return f;
  }

  /** The rows posted back, without the holes a browser leaves when it sends items[0] and items[2]. */
  List<ItemRow> presentItems() {
    items.removeIf(java.util.Objects::isNull);
    for (ItemRow i : items) {
      i.agencies.removeIf(java.util.Objects::isNull);
      i.bullets.removeIf(java.util.Objects::isNull);
      for (BulletRow b : i.bullets) {
        b.coordinating.removeIf(java.util.Objects::isNull);
      }
    }
    return items;
  }

  /** Applies an add/remove button of the page: "addItem", "removeBullet:2:0", … Unknown or stale indices do nothing. */
  void apply(String action) {
    presentItems();
    recipients.removeIf(java.util.Objects::isNull);
    String[] a = action.split(":");
    try {
      int i = a.length > 1 ? Integer.parseInt(a[1]) : -1;
      int k = a.length > 2 ? Integer.parseInt(a[2]) : -1;
      int m = a.length > 3 ? Integer.parseInt(a[3]) : -1;
      switch (a[0]) {
        case "addItem" -> items.add(ItemRow.blank(items.size() + 1));
        case "removeItem" -> items.remove(i);
        case "moveItemUp" -> {
          if (i > 0) {
            items.add(i - 1, items.remove(i));
          }
        }
        case "addAgency" -> items.get(i).agencies.add(new AgencyRow());
        case "removeAgency" -> items.get(i).agencies.remove(k);
        case "addBullet" -> items.get(i).bullets.add(new BulletRow());
        case "removeBullet" -> items.get(i).bullets.remove(k);
        case "addCoordinating" -> items.get(i).bullets.get(k).coordinating.add(new AgencyRow());
        case "removeCoordinating" -> items.get(i).bullets.get(k).coordinating.remove(m);
        case "addRecipient" -> recipients.add(new RecipientRow());
        case "removeRecipient" -> recipients.remove(i);
        default -> { }
      }
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      // A stale page: nothing to add or remove there.
    }
  }

  /** One numbered item: its number, heading, lead agencies, tasks. */
  public static class ItemRow {
    private String number;
    private String numberAsWritten;
    private String heading;
    private String source;
    /** Its own deadline as typed (dd/MM/yyyy), blank for the directive's report deadline. */
    private String deadline;
    /** The words of the letter that gave it ("chậm nhất ngày 30/6/2021"). */
    private String deadlineSource;
    private List<AgencyRow> agencies = new ArrayList<>();
    private List<BulletRow> bullets = new ArrayList<>();

    static ItemRow blank(int number) {
      ItemRow row = new ItemRow();
      row.number = Integer.toString(number);
      row.agencies.add(new AgencyRow());
      row.bullets.add(new BulletRow());
      return row;
    }

    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
    public String getNumberAsWritten() { return numberAsWritten; }
    public void setNumberAsWritten(String v) { numberAsWritten = v; }
    public String getHeading() { return heading; }
    public void setHeading(String v) { heading = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public String getDeadline() { return deadline; }
    public void setDeadline(String v) { deadline = v; }
    public String getDeadlineSource() { return deadlineSource; }
    public void setDeadlineSource(String v) { deadlineSource = v; }
    public List<AgencyRow> getAgencies() { return agencies; }
    public void setAgencies(List<AgencyRow> v) { agencies = v; }
    public List<BulletRow> getBullets() { return bullets; }
    public void setBullets(List<BulletRow> v) { bullets = v; }
  }

  /** One task of an item with its coordinating agencies. */
  public static class BulletRow {
    private String text;
    private String source;
    private String deadline;
    private String deadlineSource;
    private List<AgencyRow> coordinating = new ArrayList<>();

    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public String getDeadline() { return deadline; }
    public void setDeadline(String v) { deadline = v; }
    public String getDeadlineSource() { return deadlineSource; }
    public void setDeadlineSource(String v) { deadlineSource = v; }
    public List<AgencyRow> getCoordinating() { return coordinating; }
    public void setCoordinating(List<AgencyRow> v) { coordinating = v; }
  }

  /**
   * An agency chosen from the directory (a code or a group selector such as "all:department"), with
   * the words of the letter that named it; an unresolved one has words and no code.
   */
  public static class AgencyRow {
    private String code;
    private String source;

    static AgencyRow of(String value, String words, AgencyDirectory directory) {
      AgencyRow row = new AgencyRow();
      row.code = LetterForms.selector(value, directory);
      row.source = row.code == null && words == null ? value : words;
      return row;
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
  }

  /** A line of "Nơi nhận". */
  public static class RecipientRow {
    private String name;
    private String purpose;
    private String agency;
    private String source;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getAgency() { return agency; }
    public void setAgency(String v) { agency = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
  }

  public String getNumber() { return number; }
  public void setNumber(String v) { number = v; }
  public String getLetterToken() { return letterToken; }
  public void setLetterToken(String v) { letterToken = v; }
  public String getIssuedOn() { return issuedOn; }
  public void setIssuedOn(String v) { issuedOn = v; }
  public String getPlace() { return place; }
  public void setPlace(String v) { place = v; }
  public String getIssuer() { return issuer; }
  public void setIssuer(String v) { issuer = v; }
  public String getIssuerAgency() { return issuerAgency; }
  public void setIssuerAgency(String v) { issuerAgency = v; }
  public String getSigner() { return signer; }
  public void setSigner(String v) { signer = v; }
  public String getSignerTitle() { return signerTitle; }
  public void setSignerTitle(String v) { signerTitle = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getConclusionNumber() { return conclusionNumber; }
  public void setConclusionNumber(String v) { conclusionNumber = v; }
  public String getConclusionIssuedOn() { return conclusionIssuedOn; }
  public void setConclusionIssuedOn(String v) { conclusionIssuedOn = v; }
  public String getAddressees() { return addressees; }
  public void setAddressees(String v) { addressees = v; }
  public String getPreamble() { return preamble; }
  public void setPreamble(String v) { preamble = v; }
  public String getReportDeadline() { return reportDeadline; }
  public void setReportDeadline(String v) { reportDeadline = v; }
  public String getReportTo() { return reportTo; }
  public void setReportTo(String v) { reportTo = v; }
  public String getReportInstruction() { return reportInstruction; }
  public void setReportInstruction(String v) { reportInstruction = v; }
  public String getSummaryDeadline() { return summaryDeadline; }
  public void setSummaryDeadline(String v) { summaryDeadline = v; }
  public String getCollectingAgency() { return collectingAgency; }
  public void setCollectingAgency(String v) { collectingAgency = v; }
  public String getSummaryInstruction() { return summaryInstruction; }
  public void setSummaryInstruction(String v) { summaryInstruction = v; }
  public String getMonitoringAgency() { return monitoringAgency; }
  public void setMonitoringAgency(String v) { monitoringAgency = v; }
  public String getMonitoringInstruction() { return monitoringInstruction; }
  public void setMonitoringInstruction(String v) { monitoringInstruction = v; }
  public List<RecipientRow> getRecipients() { return recipients; }
  public void setRecipients(List<RecipientRow> v) { recipients = v; }
  public List<ItemRow> getItems() { return items; }
  public void setItems(List<ItemRow> v) { items = v; }
  public Map<String, String> getSources() { return sources; }
  public void setSources(Map<String, String> v) { sources = v; }
}
