package vn.cascade.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cascade.common.VnDates;
import vn.cascade.reminder.NotificationPlanner.Planned;

/** When the chase loop's next reminder or urging goes out, with the holiday files shipped. */
class NotificationPlannerTest {

  private final NotificationPlanner planner = new NotificationPlanner(
      new WorkingCalendar("classpath*:holidays/*.yaml"),
      new ReminderSettings(List.of(7, 3, 1), LocalTime.of(8, 0), 2, 3, "R5/PT5M", "http://localhost/", "vp-ubnd",
          "lanh-dao-ubnd", "Cascade <khong-tra-loi@cascade.example>", Duration.ofMinutes(10), true, true));

  private static Instant at(LocalDate day, int hour) {
    return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(VnDates.ZONE).toInstant();
  }

  private static ChaseTarget dueBefore(LocalDate deadline) {
    return new ChaseTarget(ChaseSubject.ASSIGNMENT, 1, "so-tp", deadline, List.of(), "Công văn 1/UBND-TEST",
        "báo cáo", "Thực hiện nội dung.", "pi", "Task_ReportResults", 1L);
  }

  @Test
  void aChaseStartedBeforeItsDeadlineRemindsThenUrgesFromTheDeadlineEveryTwoWorkingDays() {
    ChaseTarget target = dueBefore(LocalDate.of(2026, 12, 17)); // a Thursday
    Instant started = at(LocalDate.of(2026, 12, 1), 9);

    Planned first = planner.next(target, started, null);
    Planned second = planner.next(target, started, first);
    Planned third = planner.next(target, started, second);
    Planned urging = planner.next(target, started, third);
    Planned again = planner.next(target, started, urging);

    assertThat(List.of(first, second, third)).extracting(Planned::at).containsExactly(
        at(LocalDate.of(2026, 12, 10), 8), at(LocalDate.of(2026, 12, 14), 8), at(LocalDate.of(2026, 12, 16), 8));
    assertThat(urging).isEqualTo(new Planned(NotificationKind.URGING, 1, at(LocalDate.of(2026, 12, 17), 8)));
    assertThat(again).isEqualTo(new Planned(NotificationKind.URGING, 2, at(LocalDate.of(2026, 12, 21), 8)));
  }

  @Test
  void aChaseStartedAfterItsDeadlineUrgesOnceAtOnceThenEveryTwoWorkingDays() {
    ChaseTarget backdated = dueBefore(LocalDate.of(2026, 11, 2));
    Instant started = at(LocalDate.of(2026, 12, 1), 10); // a Tuesday, a month late

    Planned first = planner.next(backdated, started, null);
    Planned second = planner.next(backdated, started, first);
    Planned third = planner.next(backdated, started, second);

    assertThat(first).isEqualTo(new Planned(NotificationKind.URGING, 1, started));
    assertThat(second).isEqualTo(new Planned(NotificationKind.URGING, 2, at(LocalDate.of(2026, 12, 3), 8)));
    assertThat(third).isEqualTo(new Planned(NotificationKind.URGING, 3, at(LocalDate.of(2026, 12, 7), 8)));
  }

  @Test
  void aChaseStartedOnItsDeadlineAfterTheSendingHourUrgesAtOnceAndNotTwice() {
    LocalDate deadline = LocalDate.of(2026, 12, 17);
    Instant started = at(deadline, 15);

    Planned first = planner.next(dueBefore(deadline), started, null);
    Planned second = planner.next(dueBefore(deadline), started, first);

    assertThat(first).isEqualTo(new Planned(NotificationKind.URGING, 1, started));
    assertThat(second.at()).isEqualTo(at(LocalDate.of(2026, 12, 21), 8));
  }
}
