package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;

/**
 * Checks and records an agency's request for a new deadline; a date in the past or not after the
 * deadline in force is refused with a message, and nothing changes.
 */
@Component
class RecordExtensionRequestDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final ExtensionRepository extensions;
  private final Clock clock;

  RecordExtensionRequestDelegate(AssignmentRepository assignments, ExtensionRepository extensions, Clock clock) {
    this.assignments = assignments;
    this.extensions = extensions;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    LocalDate requested;
    try {
      requested = LocalDate.parse(REQUESTED_DEADLINE.from(execution));
    } catch (NullPointerException | DateTimeParseException e) {
      throw new IllegalArgumentException("Vui lòng chọn ngày đề nghị gia hạn.");
    }
    LocalDate today = LocalDate.now(clock.withZone(VnDates.ZONE));
    if (!requested.isAfter(today)) {
      throw new IllegalArgumentException("Ngày đề nghị gia hạn (" + VnDates.format(requested)
          + ") đã qua; vui lòng chọn một ngày sau hôm nay.");
    }
    if (!requested.isAfter(a.deadline())) {
      throw new IllegalArgumentException("Ngày đề nghị gia hạn phải sau thời hạn hiện tại ("
          + VnDates.before(a.deadline()) + ").");
    }
    String reason = Texts.nfc(EXTENSION_REASON.from(execution));
    if (Texts.isBlank(reason)) {
      throw new IllegalArgumentException("Vui lòng nêu lý do xin gia hạn.");
    }
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    extensions.request(a.id(), a.deadline(), requested, reason, who == null ? null : who.getUserId(), clock.instant());
    Inputs.consume(execution, java.util.List.of(REQUESTED_DEADLINE.name(), EXTENSION_REASON.name()));
  }
}
