package vn.cascade.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.cascade.common.VnDates;

/**
 * Decides when the next notification of a chase goes out: reminders at the configured days
 * before the deadline (moved back to a working day, skipped when already past at the start),
 * then urgings every N working days from the first working day of the deadline on. A chase that
 * starts after that day (a backdated directive or assignment) gets one urging at once, then the
 * same rhythm counted from its start: never a burst of the urgings it "missed".
 */
@Component
public class NotificationPlanner {

  /** A notification due at an instant; for reminders the sequence is the offset in days. */
  public record Planned(NotificationKind kind, int sequence, Instant at) {}

  private final WorkingCalendar calendar;
  private final ReminderSettings settings;

  NotificationPlanner(WorkingCalendar calendar, ReminderSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /**
   * @param startedAt when the chased task began: reminders due before it are not sent
   * @param last the notification that just went out in this chase, or null at the start
   */
  public Planned next(ChaseTarget target, Instant startedAt, Planned last) {
    if (last == null || last.kind() == NotificationKind.REMINDER) {
      Instant after = last == null ? startedAt : last.at();
      for (Planned reminder : reminders(target, startedAt)) {
        if (reminder.at().isAfter(after)) {
          return reminder;
        }
      }
      Instant firstUrging = at(calendar.nextWorkingDayOnOrAfter(target.deadline()));
      return new Planned(NotificationKind.URGING, 1, firstUrging.isBefore(startedAt) ? startedAt : firstUrging);
    }
    Instant from = last.at().isBefore(startedAt) ? startedAt : last.at();
    LocalDate lastDay = from.atZone(VnDates.ZONE).toLocalDate();
    return new Planned(NotificationKind.URGING, last.sequence() + 1,
        at(calendar.plusWorkingDays(lastDay, settings.urgingIntervalWorkingDays())));
  }

  /** The reminders a chase started at {@code startedAt} gets, in time order. */
  public List<Planned> reminders(ChaseTarget target, Instant startedAt) {
    Instant due = VnDates.dueBefore(target.deadline());
    List<Planned> found = new ArrayList<>();
    List<Integer> offsets = target.offsetsDays() == null || target.offsetsDays().isEmpty()
        ? settings.offsetsDays() : target.offsetsDays();
    for (int offset : offsets.stream().distinct().sorted(Comparator.reverseOrder()).toList()) {
      if (offset <= 0) {
        continue;
      }
      Instant at = at(calendar.previousWorkingDayOnOrBefore(target.deadline().minusDays(offset)));
      boolean sameDayAsEarlier = found.stream().anyMatch(p -> p.at().equals(at));
      if (at.isAfter(startedAt) && at.isBefore(due) && !sameDayAsEarlier) {
        found.add(new Planned(NotificationKind.REMINDER, offset, at));
      }
    }
    found.sort(Comparator.comparing(Planned::at));
    return found;
  }

  private Instant at(LocalDate day) {
    return day.atTime(settings.sendAt()).atZone(VnDates.ZONE).toInstant();
  }
}
