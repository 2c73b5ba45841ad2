package vn.cascade.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;

/** The demo's texts carry the demo's dates: "trước ngày 15/8/2020" moves with the deadline it names. */
class DemoTextDatesTest extends CascadeIntegrationTest {

  private static final Pattern SEED_YEAR_DATE = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/2020\\b");

  @Autowired DirectiveRepository directives;

  @Test
  void theDemoDirectivesTextsNameItsShiftedDeadlines() {
    Directive d = directives.findByNumber("8888/UBND-THNC").orElseThrow();
    assertThat(d.body().reportInstruction()).contains("trước ngày " + VnDates.format(d.reportDeadline()))
        .doesNotContainPattern(SEED_YEAR_DATE);
    assertThat(d.body().summaryInstruction()).contains("trước ngày " + VnDates.format(d.summaryDeadline()));
    assertThat(d.title()).doesNotContainPattern(SEED_YEAR_DATE);
  }
}
