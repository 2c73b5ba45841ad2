package vn.cascade.directive;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.NotFoundException;
import vn.cascade.security.CurrentUser;

/** {@code /api/directives}: create and start a directive, read it with its assignments. */
@RestController
@RequestMapping("/api/directives")
class DirectiveController {

  private final DirectiveService directives;
  private final DirectiveRepository repository;
  private final CurrentUser user;

  DirectiveController(DirectiveService directives, DirectiveRepository repository, CurrentUser user) {
    this.directives = directives;
    this.repository = repository;
    this.user = user;
  }

  @PostMapping
  ResponseEntity<DirectiveView> issue(@RequestBody DirectiveDraft draft) {
    if (!user.isIssuer()) {
      throw new ForbiddenException("Chỉ Văn phòng UBND, lãnh đạo UBND và quản trị viên được ban hành văn bản.");
    }
    Directive d = directives.issue(draft);
    return ResponseEntity.created(URI.create("/api/directives/" + d.id())).body(directives.view(d.id()));
  }

  @GetMapping("/{id}")
  DirectiveView get(@PathVariable long id) {
    return visible(directives.view(id))
        .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản có mã " + id + "."));
  }

  /** Managers see every assignment; an agency sees the directive only through its own rows. */
  private java.util.Optional<DirectiveView> visible(DirectiveView view) {
    if (user.isManager()) {
      return java.util.Optional.of(view);
    }
    var own = view.assignments().stream().filter(a -> user.maySee(a.agency())).toList();
    return own.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(view.withAssignments(own));
  }

  /** All directives, or the one with {@code ?number=8888/UBND-THNC}. */
  @GetMapping
  List<DirectiveView> list(@RequestParam(required = false) String number) {
    if (number != null) {
      Directive d = repository.findByNumber(number.strip())
          .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản số " + number + "."));
      return visible(directives.view(d.id())).map(List::of)
          .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản số " + number + "."));
    }
    return directives.all().stream().map(d -> visible(directives.view(d.id()))).flatMap(java.util.Optional::stream)
        .toList();
  }
}
