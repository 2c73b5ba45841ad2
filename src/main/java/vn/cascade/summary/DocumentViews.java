package vn.cascade.summary;

import static vn.cascade.common.Markdown.text;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.cascade.common.VnDates;
import vn.cascade.security.UserNames;

/**
 * What a task's form shows of the current version of its document (the collection's and the
 * summary approval's, the report back's and its approval's), under one prefix of display
 * variables: {@code <prefix>Version}, {@code FileName}, {@code Url}, {@code UploadedBy},
 * {@code UploadedAt}, and {@code Returned} once the leader returned it. Every text is escaped.
 */
@Component
public class DocumentViews {

  private final SummaryDocuments documents;
  private final UserNames people;

  DocumentViews(SummaryDocuments documents, UserNames people) {
    this.documents = documents;
    this.people = people;
  }

  /** Puts the latest version of the subject's document; answers it, empty when none was uploaded. */
  public Optional<SummaryDocument> putLatest(Map<String, Object> view, String prefix, DocumentSubject s) {
    Optional<SummaryDocument> current = documents.latest(s);
    current.ifPresent(doc -> {
      view.put(prefix + "Version", String.valueOf(doc.version()));
      view.put(prefix + "FileName", text(doc.fileName() + " (" + doc.kind() + ", " + doc.sizeText() + ")"));
      view.put(prefix + "Url", doc.url());
      view.put(prefix + "UploadedBy", text(people.name(doc.uploadedBy())));
      view.put(prefix + "UploadedAt", text(VnDates.formatWithTime(doc.uploadedAt())));
      if (doc.returned()) {
        view.put(prefix + "Returned", text("Phiên bản " + doc.version() + " đã bị lãnh đạo trả lại lúc "
            + VnDates.formatWithTime(doc.decidedAt()) + "; tải lên phiên bản mới nếu cần chỉnh sửa (phiên bản này vẫn "
            + "được giữ)."));
      }
    });
    return current;
  }
}
