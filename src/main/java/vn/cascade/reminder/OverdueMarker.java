package vn.cascade.reminder;

import java.time.Clock;
import org.springframework.stereotype.Component;
import vn.cascade.assignment.AssignmentRepository;

/** Marks an assignment overdue when its first urging goes out. */
@Component
class OverdueMarker {

  private final AssignmentRepository assignments;
  private final Clock clock;

  OverdueMarker(AssignmentRepository assignments, Clock clock) {
    this.assignments = assignments;
    this.clock = clock;
  }

  void mark(ChaseTarget target) {
    if (target.subject() == ChaseSubject.ASSIGNMENT) {
      assignments.markOverdue(target.id(), clock.instant());
    }
  }
}
