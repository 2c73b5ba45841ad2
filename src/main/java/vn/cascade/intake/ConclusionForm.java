package vn.cascade.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cascade.conclusion.ConclusionDraft;

/** The review page's form of a Conclusion, as the browser posts it back, with the words behind each proposal. */
public class ConclusionForm {

  private String number;
  private String issuedOn;
  private String place;
  private String issuer;
  private String issuerAgency;
  private String signer;
  private String signerTitle;
  private String title;
  private String reportBackDeadline;
  private String reportBackTo;
  private String recipients;
  private List<ItemRow> items = new ArrayList<>();
  private Map<String, String> sources = new HashMap<>();
  /** The token of the uploaded letter file kept for this review ({@link DirectiveLetters}); null when pasted. */
  private String letterToken;

  static ConclusionForm of(ImportedConclusion imported) {
    ConclusionDraft d = imported.draft();
    ConclusionForm f = new ConclusionForm();
    f.number = d.number();
    f.issuedOn = LetterForms.date(d.issuedOn());
    f.place = d.place();
    f.issuer = d.issuer();
    f.issuerAgency = d.issuerAgency();
    f.signer = d.signer();
    f.signerTitle = d.signerTitle();
    f.title = d.title();
    f.reportBackDeadline = LetterForms.date(d.reportBackDeadline());
    f.reportBackTo = d.reportBackTo();
    f.recipients = String.join("\n", d.recipients());
    for (String key : List.of("number", "issuedOn", "place", "issuer", "signer", "title", "reportBackDeadline",
        "reportBackTo")) {
      if (imported.sources().get(key) != null) {
        f.sources.put(key, imported.sources().get(key));
      }
    }
    for (int i = 0; i < d.items().size(); i++) {
      ItemRow row = new ItemRow();
      ConclusionDraft.Item item = d.items().get(i);
      row.number = item.number() == null ? "" : item.number().toString();
      row.text = item.text();
      row.source = imported.sources().get("items[" + i + "]");
      f.items.add(row);
    }
    return f;
  }

  void apply(String action) {
    items.removeIf(java.util.Objects::isNull);
    String[] a = action.split(":");
    try {
      switch (a[0]) {
        case "addItem" -> {
          ItemRow row = new ItemRow();
          row.number = Integer.toString(items.size() + 1);
          items.add(row);
        }
        case "removeItem" -> items.remove(Integer.parseInt(a[1]));
        default -> { }
      }
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      // A stale page: nothing to remove there.
    }
  }

  /** The Conclusion as {@code POST /api/conclusions} takes it; dates that are no dates are reported. */
  ConclusionDraft draft(Map<String, Set<String>> errors) {
    items.removeIf(java.util.Objects::isNull);
    List<ConclusionDraft.Item> out = new ArrayList<>();
    for (ItemRow row : items) {
      Integer n = row.number != null && row.number.strip().matches("\\d{1,6}") ? Integer.valueOf(row.number.strip()) : null;
      out.add(new ConclusionDraft.Item(n, LetterForms.orNull(row.text)));
    }
    List<String> to = recipients == null ? List.of()
        : recipients.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new ConclusionDraft(LetterForms.orNull(number),
        DirectiveReviews.date(issuedOn, "issuedOn", "Ngày ban hành", errors), LetterForms.orNull(place),
        LetterForms.orNull(issuer), LetterForms.orNull(issuerAgency), LetterForms.orNull(signer),
        LetterForms.orNull(signerTitle), LetterForms.orNull(title),
        DirectiveReviews.date(reportBackDeadline, "reportBackDeadline", "Hạn báo cáo kết quả", errors),
        LetterForms.orNull(reportBackTo), out, to);
  }

  /** One numbered key task of the Conclusion. */
  public static class ItemRow {
    private String number;
    private String text;
    private String source;

    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
  }

  public String getLetterToken() { return letterToken; }
  public void setLetterToken(String v) { letterToken = v; }
  public String getNumber() { return number; }
  public void setNumber(String v) { number = v; }
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
  public String getReportBackDeadline() { return reportBackDeadline; }
  public void setReportBackDeadline(String v) { reportBackDeadline = v; }
  public String getReportBackTo() { return reportBackTo; }
  public void setReportBackTo(String v) { reportBackTo = v; }
  public String getRecipients() { return recipients; }
  public void setRecipients(String v) { recipients = v; }
  public List<ItemRow> getItems() { return items; }
  public void setItems(List<ItemRow> v) { items = v; }
  public Map<String, String> getSources() { return sources; }
  public void setSources(Map<String, String> v) { sources = v; }
}
