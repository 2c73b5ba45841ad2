package vn.cascade.intake;

import java.util.List;
import java.util.Map;
import vn.cascade.conclusion.ConclusionDraft;

/** What the import proposes for a Conclusion: the draft, the words behind each field, the problems left. */
public record ImportedConclusion(ConclusionDraft draft, Map<String, String> sources, List<ImportProblem> problems) {

  /**
   * This, when the text was a Conclusion at all (a number or a key task was found).
   *
   * @throws vn.cascade.common.InvalidInputException on {@code text}, in Vietnamese, otherwise
   */
  public ImportedConclusion requireLetter() {
    if (draft.number() == null && draft.items().isEmpty()) {
      throw new vn.cascade.common.InvalidInputException("text", "Nội dung không phải một Kết luận: không tìm thấy số "
          + "Kết luận hay nhiệm vụ, giải pháp nào.");
    }
    return this;
  }
}
