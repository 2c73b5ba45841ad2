package vn.cascade.assignment;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.cascade.security.CurrentUser;

/**
 * The later update through the API: {@code POST /api/assignments/{id}/update} with
 * {@code {"updateText": "…"}}; bad input is answered with RFC 9457 problem details and stores nothing.
 */
@RestController
class LaterUpdateApi {

  private final LaterUpdates updates;
  private final CurrentUser user;

  LaterUpdateApi(LaterUpdates updates, CurrentUser user) {
    this.updates = updates;
    this.user = user;
  }

  record UpdateRequest(String updateText) {}

  record UpdateResult(long assignmentId, int version, String workStatus, String workStatusLabel) {}

  @PostMapping("/api/assignments/{id}/update")
  ResponseEntity<UpdateResult> update(@PathVariable long id, @RequestBody UpdateRequest body) {
    int version = updates.complete(id, body == null ? null : body.updateText(), user.userId(), user.groups());
    return ResponseEntity.created(URI.create("/assignments/" + id + "/update"))
        .body(new UpdateResult(id, version, AgencyAssignmentProcess.STATUS_COMPLETED, WorkStatus.COMPLETED));
  }
}
