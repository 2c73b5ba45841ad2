package vn.cascade.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cascade.directive.DirectiveDraft;

/**
 * What the import proposes for a directive: the draft in the shape {@code POST /api/directives} takes,
 * what the draft has no place for yet (the Conclusion it implements, item numbers as written), the
 * deadlines of an item or a bullet of its own by field path (also in the draft's items and bullets,
 * where they override the report deadline), the words of the letter behind each field, keyed by
 * the field's path ("number", "items[2].bullets[0].coordinating[1]"), and the problems left.
 */
public record ImportedDirective(
    DirectiveDraft draft,
    ConclusionReference implementsConclusion,
    List<String> itemNumbers,
    Map<String, LocalDate> deadlines,
    Map<String, String> sources,
    List<ImportProblem> problems) {

  /**
   * This, when the text was a directive at all (a number, a date or an item was found).
   *
   * @throws vn.cascade.common.InvalidInputException on {@code text}, in Vietnamese, otherwise
   */
  public ImportedDirective requireLetter() {
    if (draft.number() == null && draft.issuedOn() == null && draft.items().isEmpty()) {
      throw new vn.cascade.common.InvalidInputException("text", "Nội dung không phải một văn bản chỉ đạo: không tìm "
          + "thấy số văn bản, ngày ban hành hay nhiệm vụ nào.");
    }
    return this;
  }

  /** "Kết luận số 1098-KL/TU ngày 16/7/2020". */
  public record ConclusionReference(String number, LocalDate issuedOn) {}
}
