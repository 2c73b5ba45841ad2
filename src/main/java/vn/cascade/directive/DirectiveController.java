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
import vn.cascade.common.NotFoundException;

/** {@code /api/directives}: create and start a directive, read it with its assignments. */
@RestController
@RequestMapping("/api/directives")
class DirectiveController {

  private final DirectiveService directives;
  private final DirectiveRepository repository;

  DirectiveController(DirectiveService directives, DirectiveRepository repository) {
    this.directives = directives;
    this.repository = repository;
  }

  @PostMapping
  ResponseEntity<DirectiveView> issue(@RequestBody DirectiveDraft draft) {
    Directive d = directives.issue(draft);
    return ResponseEntity.created(URI.create("/api/directives/" + d.id())).body(directives.view(d.id()));
  }

  @GetMapping("/{id}")
  DirectiveView get(@PathVariable long id) {
    return directives.view(id);
  }

  /** All directives, or the one with {@code ?number=8888/UBND-THNC}. */
  @GetMapping
  List<DirectiveView> list(@RequestParam(required = false) String number) {
    if (number != null) {
      Directive d = repository.findByNumber(number.strip())
          .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản số " + number + "."));
      return List.of(directives.view(d.id()));
    }
    return directives.all().stream().map(d -> directives.view(d.id())).toList();
  }
}
