package vn.cascade.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The working-day calendar, read from the holiday files shipped in src/main/resources/holidays. */
class WorkingCalendarTest {

  private final WorkingCalendar calendar = new WorkingCalendar("classpath*:holidays/*.yaml");

  private static LocalDate day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth);
  }

  @Test
  void theShippedFilesCoverTheDemoYearThisYearAndNextYear() {
    assertThat(calendar.yearsCovered()).contains(2020, 2026, 2027);
  }

  @Test
  void saturdaysAndSundaysAreDaysOffAndOrdinaryWeekdaysAreWorkingDays() {
    assertThat(calendar.isWorkingDay(day(2020, 3, 7))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(day(2020, 3, 8))).as("Sunday").isFalse();
    assertThat(calendar.isWorkingDay(day(2020, 3, 9))).as("Monday").isTrue();
    assertThat(calendar.isWorkingDay(day(2020, 3, 13))).as("Friday").isTrue();
    assertThat(calendar.holidayName(day(2020, 3, 7))).isEmpty();
  }

  @Test
  void civilServantsAreOffFromTheTwentyThirdToTheTwentyNinthOfJanuary2020ForTet() {
    for (LocalDate d = day(2020, 1, 23); !d.isAfter(day(2020, 1, 29)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
      assertThat(calendar.holidayName(d)).as("%s", d).hasValueSatisfying(n -> assertThat(n).startsWith("Tết Nguyên đán"));
    }
    assertThat(calendar.isWorkingDay(day(2020, 1, 22))).isTrue();
    assertThat(calendar.isWorkingDay(day(2020, 1, 30))).isTrue();
    assertThat(calendar.holidayName(day(2020, 1, 25))).contains("Tết Nguyên đán (mùng 1 Tết)");
  }

  @Test
  void tetBinhNgoRunsFromTheSixteenthToTheTwentiethOfFebruary2026() {
    assertThat(calendar.isWorkingDay(day(2026, 2, 13))).isTrue();
    for (LocalDate d = day(2026, 2, 14); !d.isAfter(day(2026, 2, 22)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
    }
    assertThat(calendar.holidayName(day(2026, 2, 17))).contains("Tết Nguyên đán (mùng 1 Tết)");
    assertThat(calendar.isWorkingDay(day(2026, 2, 23))).isTrue();
  }

  @Test
  void nationalDayIsOneDayIn2020AndTwoDaysSince2021() {
    assertThat(calendar.isWorkingDay(day(2020, 9, 1))).isTrue();
    assertThat(calendar.isWorkingDay(day(2020, 9, 2))).isFalse();
    assertThat(calendar.holidayName(day(2020, 9, 2))).contains("Quốc khánh (2/9)");
    assertThat(calendar.isWorkingDay(day(2020, 9, 3))).isTrue();

    assertThat(calendar.isWorkingDay(day(2026, 9, 1))).isFalse();
    assertThat(calendar.isWorkingDay(day(2026, 9, 2))).isFalse();
    assertThat(calendar.isWorkingDay(day(2026, 9, 3))).isTrue();
    assertThat(calendar.isWorkingDay(day(2027, 9, 2))).isFalse();
  }

  @Test
  void aHolidayOnASundayIsMadeUpOnTheFollowingMonday() {
    assertThat(day(2026, 4, 26).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(calendar.holidayName(day(2026, 4, 26))).contains("Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    assertThat(calendar.isWorkingDay(day(2026, 4, 27))).isFalse();
    assertThat(calendar.isWorkingDay(day(2026, 4, 28))).isTrue();
  }

  @Test
  void aSaturdayWorkedInExchangeForASwappedDayOffIsAWorkingDay() {
    assertThat(calendar.isWorkingDay(day(2026, 1, 2))).as("Friday swapped off").isFalse();
    assertThat(calendar.isWorkingDay(day(2026, 1, 10))).as("Saturday worked instead").isTrue();
    assertThat(calendar.holidayName(day(2026, 1, 10))).isEmpty();
    assertThat(calendar.isWorkingDay(day(2026, 8, 31))).as("Monday swapped off").isFalse();
    assertThat(calendar.isWorkingDay(day(2026, 8, 22))).as("Saturday worked instead").isTrue();
  }

  @Test
  void aCompensatingWorkingDayAddedAtRunTimeTurnsASaturdayIntoAWorkingDay() {
    LocalDate saturday = day(2020, 1, 11);
    assertThat(calendar.isWorkingDay(saturday)).isFalse();

    calendar.addCompensatingWorkingDay(saturday, "Làm bù cho ngày 24/01/2020");

    assertThat(calendar.isWorkingDay(saturday)).isTrue();
    assertThat(calendar.nextWorkingDayOnOrAfter(saturday)).isEqualTo(saturday);
    assertThat(calendar.plusWorkingDays(day(2020, 1, 10), 1)).isEqualTo(saturday);
  }

  @Test
  void onlyASaturdayOrASundayCanBeACompensatingWorkingDay() {
    assertThatThrownBy(() -> calendar.addCompensatingWorkingDay(day(2020, 1, 13), "Làm bù"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.addHoliday(day(2020, 1, 13), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHolidayAddedAtRunTimeIsADayOffWithItsName() {
    LocalDate monday = day(2020, 6, 15);
    assertThat(calendar.isWorkingDay(monday)).isTrue();

    calendar.addHoliday(monday, "Nghỉ theo quyết định của UBND tỉnh");

    assertThat(calendar.isWorkingDay(monday)).isFalse();
    assertThat(calendar.holidayName(monday)).contains("Nghỉ theo quyết định của UBND tỉnh");
    assertThat(calendar.previousWorkingDayOnOrBefore(monday)).isEqualTo(day(2020, 6, 12));
  }

  @Test
  void theLaterOfTwoRunTimeDecisionsOnTheSameDayWins() {
    LocalDate saturday = day(2026, 1, 10);
    calendar.addHoliday(saturday, "Nghỉ");
    assertThat(calendar.isWorkingDay(saturday)).isFalse();
    calendar.addCompensatingWorkingDay(saturday, "Làm bù");
    assertThat(calendar.isWorkingDay(saturday)).isTrue();
    assertThat(calendar.holidayName(saturday)).isEmpty();
  }

  @Test
  void theWorkingDaysAroundTetAreTheDayBeforeTheBreakAndTheDayAfterIt() {
    assertThat(calendar.previousWorkingDayOnOrBefore(day(2020, 1, 27))).isEqualTo(day(2020, 1, 22));
    assertThat(calendar.nextWorkingDayOnOrAfter(day(2020, 1, 25))).isEqualTo(day(2020, 1, 30));
    assertThat(calendar.previousWorkingDayOnOrBefore(day(2026, 2, 18))).isEqualTo(day(2026, 2, 13));
    assertThat(calendar.nextWorkingDayOnOrAfter(day(2026, 2, 18))).isEqualTo(day(2026, 2, 23));
  }

  @Test
  void aWorkingDayIsItsOwnPreviousAndNextWorkingDay() {
    LocalDate wednesday = day(2020, 1, 22);
    assertThat(calendar.previousWorkingDayOnOrBefore(wednesday)).isEqualTo(wednesday);
    assertThat(calendar.nextWorkingDayOnOrAfter(wednesday)).isEqualTo(wednesday);
  }

  @Test
  void addingWorkingDaysSkipsWeekendsAndHolidays() {
    assertThat(calendar.plusWorkingDays(day(2020, 1, 3), 1)).as("Friday + 1 over the weekend").isEqualTo(day(2020, 1, 6));
    assertThat(calendar.plusWorkingDays(day(2020, 1, 21), 2)).as("over Tết").isEqualTo(day(2020, 1, 30));
    assertThat(calendar.plusWorkingDays(day(2026, 4, 24), 1)).as("over Giỗ Tổ and its Monday").isEqualTo(day(2026, 4, 28));
    assertThat(calendar.plusWorkingDays(day(2026, 8, 21), 1)).as("onto the Saturday worked").isEqualTo(day(2026, 8, 22));
    assertThat(calendar.plusWorkingDays(day(2026, 8, 28), 2)).as("over the Quốc khánh break").isEqualTo(day(2026, 9, 4));
  }

  @Test
  void addingZeroWorkingDaysReturnsTheDayItselfAndANegativeCountIsRefused() {
    assertThat(calendar.plusWorkingDays(day(2020, 1, 25), 0)).isEqualTo(day(2020, 1, 25));
    assertThatThrownBy(() -> calendar.plusWorkingDays(day(2020, 1, 25), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aYearNoFileCoversHasOnlyItsWeekendsOff() {
    assertThat(calendar.yearsCovered()).doesNotContain(2031);
    assertThat(calendar.isWorkingDay(day(2031, 1, 1))).as("1 January, a Wednesday").isTrue();
    assertThat(calendar.isWorkingDay(day(2031, 9, 2))).as("2 September, a Tuesday").isTrue();
    assertThat(calendar.isWorkingDay(day(2031, 1, 4))).as("Saturday").isFalse();
    assertThat(calendar.holidayName(day(2031, 1, 1))).isEmpty();
    assertThat(calendar.plusWorkingDays(day(2031, 1, 3), 1)).isEqualTo(day(2031, 1, 6));
  }

  @Test
  void aYearNoFileCoversIsWarnedAboutOnceOnly() {
    Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      calendar.isWorkingDay(day(2033, 3, 1));
      calendar.nextWorkingDayOnOrAfter(day(2033, 3, 5));
      calendar.plusWorkingDays(day(2033, 3, 1), 10);
      calendar.isWorkingDay(day(2026, 3, 2));
    } finally {
      logger.detachAppender(appender);
    }
    assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("2033"));
  }

  @Test
  void withNoHolidayFileAtTheLocationNoYearIsCovered() {
    WorkingCalendar empty = new WorkingCalendar("classpath*:no-such-holidays/*.yaml");
    assertThat(empty.yearsCovered()).isEmpty();
    assertThat(empty.isWorkingDay(day(2020, 1, 23))).isTrue();
  }

  @Test
  void everyCompensatingWorkingDayInTheFilesIsAWeekendDayAndNoHolidayFallsOnOne() {
    // The loader enforces both; this guards the shipped files against an edit that breaks them.
    for (int year : calendar.yearsCovered()) {
      for (LocalDate d = day(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (weekend && calendar.isWorkingDay(d)) {
          assertThat(calendar.holidayName(d)).as("%s", d).isEmpty();
        }
      }
    }
  }

  @Test
  void filesAtAnotherLocationAreReadAndBadOnesAreRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vn-2030.yaml"), """
        year: 2030
        holidays:
          - {date: 2030-01-01, name: "Tết Dương lịch"}
        compensatingWorkingDays:
          - {date: 2030-01-05, name: "Làm bù"}
        """, StandardCharsets.UTF_8);
    WorkingCalendar read = new WorkingCalendar("file:" + dir.toAbsolutePath() + "/*.yaml");
    assertThat(read.yearsCovered()).containsExactly(2030);
    assertThat(read.isWorkingDay(day(2030, 1, 1))).isFalse();
    assertThat(read.isWorkingDay(day(2030, 1, 5))).isTrue();

    Files.writeString(dir.resolve("vn-2030.yaml"), """
        year: 2030
        compensatingWorkingDays:
          - {date: 2030-01-07, name: "Làm bù vào thứ Hai"}
        """, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new WorkingCalendar("file:" + dir.toAbsolutePath() + "/*.yaml"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("2030-01-07");

    Files.writeString(dir.resolve("vn-2030.yaml"), """
        holidays:
          - {date: 2030-01-01, name: "Tết Dương lịch"}
        """, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new WorkingCalendar("file:" + dir.toAbsolutePath() + "/*.yaml"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no year");
  }

  @Test
  void daysAddedFromManyThreadsAtOnceAreAllKept() throws InterruptedException {
    List<LocalDate> mondays = IntStream.range(0, 20).mapToObj(i -> day(2032, 1, 5).plusWeeks(i)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (LocalDate monday : mondays) {
        pool.submit(() -> calendar.addHoliday(monday, "Nghỉ " + monday));
        pool.submit(() -> calendar.isWorkingDay(monday.plusDays(1)));
      }
    } finally {
      pool.shutdown();
    }
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mondays).allSatisfy(m -> assertThat(calendar.isWorkingDay(m)).as("%s", m).isFalse());
  }
}
