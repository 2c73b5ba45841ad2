package vn.cascade.intake;

import java.util.List;
import java.util.Map;
import vn.cascade.conclusion.ConclusionDraft;

/** What the import proposes for a Conclusion: the draft, the words behind each field, the problems left. */
public record ImportedConclusion(ConclusionDraft draft, Map<String, String> sources, List<ImportProblem> problems) {}
