package vn.cascade.dashboard;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.cascade.security.CurrentUser;

/**
 * {@code GET /api/directives/{id}/warnings}: the directive's consistency warnings as
 * {@code [{code, message}]}, the same the directive's page shows. Like the rest of the API, an
 * agency sees a directive only through its own rows (404 otherwise).
 */
@RestController
class DirectiveWarningsApi {

  private final DashboardQuery query;
  private final CurrentUser user;

  DirectiveWarningsApi(DashboardQuery query, CurrentUser user) {
    this.query = query;
    this.user = user;
  }

  @GetMapping("/api/directives/{id}/warnings")
  List<Warning> warnings(@PathVariable long id) {
    return query.warnings(id, Visibility.of(user));
  }
}
