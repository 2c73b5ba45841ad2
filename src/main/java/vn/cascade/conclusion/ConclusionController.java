package vn.cascade.conclusion;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cascade.common.ForbiddenException;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.security.CurrentUser;

/** {@code /api/conclusions}: register a Conclusion, attach the draft of its implementing directive. */
@RestController
@RequestMapping("/api/conclusions")
class ConclusionController {

  private final ConclusionService conclusions;
  private final CurrentUser user;

  ConclusionController(ConclusionService conclusions, CurrentUser user) {
    this.conclusions = conclusions;
    this.user = user;
  }

  private void requireIssuer() {
    if (!user.isIssuer()) {
      throw new ForbiddenException("Chỉ Văn phòng UBND, lãnh đạo UBND và quản trị viên được thực hiện thao tác này.");
    }
  }

  @PostMapping
  ResponseEntity<Conclusion> register(@RequestBody ConclusionDraft draft) {
    requireIssuer();
    Conclusion c = conclusions.register(draft);
    return ResponseEntity.created(URI.create("/api/conclusions/" + c.id())).body(c);
  }

  @GetMapping("/{id}")
  Conclusion get(@PathVariable long id) {
    if (!user.isManager()) {
      throw new ForbiddenException("Chỉ cơ quan quản lý được xem Kết luận.");
    }
    return conclusions.get(id);
  }

  /** Who is doing what for one item of the Conclusion: the assignments that implement it and their states. */
  @GetMapping("/{id}/items/{item}/assignments")
  ConclusionItemTrace trace(@PathVariable long id, @PathVariable int item) {
    if (!user.isManager()) {
      throw new ForbiddenException("Chỉ cơ quan quản lý được xem Kết luận.");
    }
    return conclusions.trace(id, item);
  }

  /** The draft of the implementing directive, accepted while Văn phòng UBND's drafting task is open. */
  @PutMapping("/{id}/directive-draft")
  Map<String, Object> attachDraft(@PathVariable long id, @RequestBody DirectiveDraft draft) {
    requireIssuer();
    long directiveId = conclusions.attachDirectiveDraft(id, draft);
    return Map.of("conclusionId", id, "directiveId", directiveId);
  }
}
