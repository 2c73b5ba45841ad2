package vn.cascade.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.TransactionCache;

/** Marks an assignment overdue when its first urging goes out. */
@Component
class OverdueMarker {

  private final JdbcClient jdbc;
  private final Clock clock;

  OverdueMarker(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void mark(ChaseTarget target) {
    if (target.subject() == ChaseSubject.ASSIGNMENT) {
      TransactionCache.evict(AssignmentRepository.CACHE);
      jdbc.sql("update cascade_assignment set overdue_since = :at where id = :id and overdue_since is null")
          .param("at", Timestamp.from(clock.instant())).param("id", target.id()).update();
    }
  }
}
