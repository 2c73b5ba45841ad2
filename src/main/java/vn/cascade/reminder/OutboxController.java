package vn.cascade.reminder;

import org.springframework.stereotype.Controller;
import vn.cascade.common.CascadePage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cascade.common.VnDates;

/** "Hộp thư đi": every notification, mailed or only kept, with its status. */
@Controller
@CascadePage
class OutboxController {

  private final NotificationOutbox outbox;

  OutboxController(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/outbox")
  String outbox(@RequestParam(defaultValue = "200") int limit, Model model) {
    java.util.List<NotificationOutbox.Entry> entries = outbox.recent(Math.max(1, Math.min(limit, 2000)));
    model.addAttribute("active", "outbox");
    model.addAttribute("entries", entries);
    model.addAttribute("covered", outbox.itemsOf(entries.stream()
        .filter(e -> e.subjectKind() == ChaseSubject.DIGEST).map(NotificationOutbox.Entry::id).toList()));
    model.addAttribute("dates", new Dates());
    return "outbox";
  }

  /** Date formatting for the page, dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
  static final class Dates {
    public String format(java.time.Instant instant) {
      return VnDates.formatWithTime(instant);
    }

    public String day(java.time.LocalDate day) {
      return VnDates.format(day);
    }
  }
}
