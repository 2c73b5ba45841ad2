package vn.cascade.conclusion;

import java.time.LocalDate;
import java.util.List;

/** A Conclusion (Kết luận) of the Party Committee as it is registered. */
public record ConclusionDraft(
    String number,
    LocalDate issuedOn,
    String place,
    String issuer,
    String issuerAgency,
    String signer,
    String signerTitle,
    String title,
    LocalDate reportBackDeadline,
    String reportBackTo,
    List<Item> items,
    List<String> recipients) {

  public ConclusionDraft {
    items = items == null ? List.of() : items;
    recipients = recipients == null ? List.of() : recipients;
  }

  /** One numbered item of the Conclusion's key tasks. */
  public record Item(Integer number, String text) {}

  /** The same Conclusion with every text in Unicode NFC. */
  public ConclusionDraft normalized() {
    return new ConclusionDraft(nfc(number), issuedOn, nfc(place), nfc(issuer), nfc(issuerAgency), nfc(signer),
        nfc(signerTitle), nfc(title), reportBackDeadline, nfc(reportBackTo),
        items.stream().map(i -> i == null ? null : new Item(i.number(), nfc(i.text()))).toList(),
        recipients.stream().map(ConclusionDraft::nfc).toList());
  }

  private static String nfc(String s) {
    return vn.cascade.common.Texts.nfc(s);
  }

  public ConclusionDraft shiftedBy(long days) {
    return new ConclusionDraft(number, plus(issuedOn, days), place, issuer, issuerAgency, signer, signerTitle, title,
        plus(reportBackDeadline, days), reportBackTo, items, recipients);
  }

  static LocalDate plus(LocalDate d, long days) {
    return d == null ? null : d.plusDays(days);
  }
}
