package vn.cascade.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;

/**
 * The working days of Vietnamese public administration: Monday to Friday, less the public holidays and the
 * days off the Government moves for civil servants, plus the Saturdays worked in exchange (ngày làm bù).
 *
 * <p>The holidays come from one YAML file per year, all the files matching
 * {@code cascade.holidays.location} (by default {@code classpath*:holidays/*.yaml}). A year no file covers
 * has only its weekends off, and a warning is logged the first time such a year is asked about.
 * Days added at run time apply in any year but do not make a year covered. Safe for concurrent use.
 */
@Component
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
  /** No run of days off is anywhere near this long; a longer one means broken data. */
  private static final int MAX_DAYS_OFF_IN_A_ROW = 366;

  private record Day(LocalDate date, String name) {}

  private record YearFile(Integer year, List<Day> holidays, List<Day> compensatingWorkingDays) {}

  private final Map<LocalDate, String> holidays = new ConcurrentHashMap<>();
  private final Map<LocalDate, String> compensatingWorkingDays = new ConcurrentHashMap<>();
  private final Set<Integer> yearsCovered = ConcurrentHashMap.newKeySet();
  private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();

  public WorkingCalendar(@Value("${cascade.holidays.location:classpath*:holidays/*.yaml}") String location) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
    Resource[] files;
    try {
      files = new PathMatchingResourcePatternResolver().getResources(location);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the holiday files " + location, e);
    }
    for (Resource file : files) {
      load(yaml, file);
    }
    if (yearsCovered.isEmpty()) {
      log.warn("No holiday file found at {}: only weekends are days off", location);
    } else {
      log.info("Holidays loaded for {} from {}", new TreeSet<>(yearsCovered), location);
    }
  }

  private void load(ObjectMapper yaml, Resource file) {
    YearFile read;
    try (InputStream in = file.getInputStream()) {
      read = yaml.readValue(in, YearFile.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the holiday file " + file.getDescription(), e);
    }
    if (read == null || read.year() == null) {
      throw new IllegalStateException("The holiday file " + file.getDescription() + " has no year");
    }
    for (Day day : nullToEmpty(read.holidays())) {
      checkEntry(day, file);
      String known = holidays.putIfAbsent(day.date(), Texts.nfc(day.name()));
      if (known != null && !known.equals(Texts.nfc(day.name()))) {
        throw new IllegalStateException("The holiday " + day.date() + " in " + file.getDescription()
            + " is already listed as '" + known + "'");
      }
    }
    for (Day day : nullToEmpty(read.compensatingWorkingDays())) {
      checkEntry(day, file);
      if (!isWeekend(day.date())) {
        throw new IllegalStateException("The compensating working day " + day.date() + " in "
            + file.getDescription() + " is not a Saturday or a Sunday");
      }
      compensatingWorkingDays.putIfAbsent(day.date(), Texts.nfc(day.name()));
    }
    for (LocalDate date : compensatingWorkingDays.keySet()) {
      if (holidays.containsKey(date)) {
        throw new IllegalStateException(date + " is both a holiday and a compensating working day (read from "
            + file.getDescription() + ")");
      }
    }
    yearsCovered.add(read.year());
  }

  private static void checkEntry(Day day, Resource file) {
    if (day == null || day.date() == null || Texts.isBlank(day.name())) {
      throw new IllegalStateException("An entry in the holiday file " + file.getDescription()
          + " lacks a date or a name: " + day);
    }
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Monday to Friday and not a holiday, or a Saturday or Sunday worked in exchange for a day off. */
  public boolean isWorkingDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    warnIfUncovered(day.getYear());
    if (compensatingWorkingDays.containsKey(day)) {
      return true;
    }
    return !holidays.containsKey(day) && !isWeekend(day);
  }

  /** {@code day} itself if it is a working day, else the last working day before it. */
  public LocalDate previousWorkingDayOnOrBefore(LocalDate day) {
    return step(day, -1);
  }

  /** {@code day} itself if it is a working day, else the first working day after it. */
  public LocalDate nextWorkingDayOnOrAfter(LocalDate day) {
    return step(day, 1);
  }

  private LocalDate step(LocalDate day, int direction) {
    Objects.requireNonNull(day, "day");
    LocalDate d = day;
    for (int i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++) {
      if (isWorkingDay(d)) {
        return d;
      }
      d = d.plusDays(direction);
    }
    throw new IllegalStateException("No working day within " + MAX_DAYS_OFF_IN_A_ROW + " days of " + day);
  }

  /**
   * The {@code n}-th working day after {@code day}, not counting {@code day} itself: Friday plus one working
   * day is the next Monday. With {@code n} = 0, {@code day} itself, working day or not.
   */
  public LocalDate plusWorkingDays(LocalDate day, int n) {
    Objects.requireNonNull(day, "day");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate d = day;
    for (int counted = 0; counted < n; counted++) {
      d = nextWorkingDayOnOrAfter(d.plusDays(1));
    }
    return d;
  }

  /** The name of the holiday or day off on {@code day}; empty on ordinary days, weekends and days worked. */
  public Optional<String> holidayName(LocalDate day) {
    Objects.requireNonNull(day, "day");
    return Optional.ofNullable(holidays.get(day));
  }

  /**
   * Makes a Saturday or Sunday a working day, e.g. after a swap announced during the year. A later decision
   * wins: a holiday on the same day is dropped.
   */
  public void addCompensatingWorkingDay(LocalDate day, String name) {
    Objects.requireNonNull(day, "day");
    if (!isWeekend(day)) {
      throw new IllegalArgumentException(day + " is not a Saturday or a Sunday");
    }
    String nfcName = requireName(name);
    synchronized (this) {
      holidays.remove(day);
      compensatingWorkingDays.put(day, nfcName);
    }
    log.info("Compensating working day added: {} ({})", day, nfcName);
  }

  /** Makes {@code day} a day off. A later decision wins: a compensating working day on it is dropped. */
  public void addHoliday(LocalDate day, String name) {
    Objects.requireNonNull(day, "day");
    String nfcName = requireName(name);
    synchronized (this) {
      compensatingWorkingDays.remove(day);
      holidays.put(day, nfcName);
    }
    log.info("Holiday added: {} ({})", day, nfcName);
  }

  private static String requireName(String name) {
    if (Texts.isBlank(name)) {
      throw new IllegalArgumentException("A name is required");
    }
    return Texts.nfc(name);
  }

  /** The years a holiday file covers, in order. */
  public Set<Integer> yearsCovered() {
    return Collections.unmodifiableSet(new TreeSet<>(yearsCovered));
  }

  private void warnIfUncovered(int year) {
    if (!yearsCovered.contains(year) && yearsWarnedAbout.add(year)) {
      log.warn("No holiday file covers {}: only its weekends are days off until one is added", year);
    }
  }

  private static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
