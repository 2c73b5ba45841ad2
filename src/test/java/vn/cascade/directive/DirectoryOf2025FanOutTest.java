package vn.cascade.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.common.FieldProblem;
import vn.cascade.common.InvalidInputException;

/**
 * A directive of 2026 on the directory after 1 July 2025: its group addressees resolve to the
 * directory's kinds, as the service and the validator resolve them when the directive is issued.
 */
class DirectoryOf2025FanOutTest {

  final AgencyDirectory agencies = new AgencyDirectory(new ClassPathResource("agencies/dong-nai-2025.yaml"));
  final DirectiveValidator validator = new DirectiveValidator(agencies, mock(DirectiveRepository.class));
  final DirectiveService service = new DirectiveService(null, null, validator, agencies, null, Clock.systemUTC());

  @Test
  void itemForTheDepartmentsAndTheCommunesGoesToEveryDepartmentAndEveryXaAndPhuong() {
    List<String> expected = new ArrayList<>();
    agencies.ofKind(AgencyKind.DEPARTMENT).stream().map(Agency::code).forEach(expected::add);
    agencies.ofKind(AgencyKind.COMMUNE).stream().map(Agency::code).forEach(expected::add);
    assertThat(expected).hasSize(18 + 95);

    for (List<String> selectors : List.of(List.of("all:department", "all:commune"),
        List.of("các sở, ngành", "UBND các xã, phường"))) {
      DirectiveDraft.Item item = item(selectors);
      assertThat(service.addressees(item)).as(selectors.toString()).containsExactlyElementsOf(expected)
          .contains("so-tc", "ubnd-phuong-tran-bien", "ubnd-xa-bu-gia-map").doesNotContain("vp-ubnd", "so-khdt");
      validator.validate(draft(item), null);
    }
    assertThat(service.assignmentSummary(draft(item(List.of("all:department", "all:commune")))))
        .startsWith("1. 113 cơ quan (các sở, ngành, UBND các xã, phường) — 1 nội dung");
  }

  @Test
  void itemForTheDistrictsIsRefusedWithAMessageSayingThereAreNoneSince1July2025() {
    assertThatThrownBy(() -> validator.validate(draft(item(List.of("all:department", "UBND các huyện, thành phố"))), null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field,
            FieldProblem::message).containsExactly(org.assertj.core.groups.Tuple.tuple("items[0].agencies[1]",
                "Danh mục cơ quan của tỉnh Đồng Nai không có UBND các huyện, thành phố (all:district): từ ngày "
                    + "01/7/2025 không còn cấp huyện, xin giao cho UBND các xã, phường (all:commune).")));
  }

  @Test
  void aDirectiveWithoutItsCollectingAgencyIsToldToNameOneSinceSoKhdtIsGone() {
    DirectiveDraft d = draft(item(List.of("all:commune")));
    DirectiveDraft noCollector = new DirectiveDraft(d.number(), d.issuedOn(), null, d.issuer(), null, null, null,
        d.title(), null, null, d.reportDeadline(), null, null, d.summaryDeadline(), null, null, null, null, null, null,
        d.items(), List.of(), null);
    assertThatThrownBy(() -> validator.validate(noCollector, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::message)
            .containsExactly("Chưa ghi cơ quan tổng hợp, và cơ quan mặc định so-khdt không có trong danh mục cơ quan "
                + "của tỉnh Đồng Nai: xin ghi cơ quan tổng hợp."));
  }

  private static DirectiveDraft.Item item(List<String> selectors) {
    return new DirectiveDraft.Item(1, "Yêu cầu các sở, ngành và UBND các xã, phường", selectors, List.of(),
        List.of(new DirectiveDraft.Bullet("Rà soát kết quả thực hiện 6 tháng đầu năm 2026.", List.of())));
  }

  private static DirectiveDraft draft(DirectiveDraft.Item item) {
    LocalDate issued = LocalDate.of(2026, 7, 16);
    return new DirectiveDraft("9999/UBND-THNC", issued, null, "Ủy ban nhân dân tỉnh Đồng Nai", null, null, null,
        "V/v rà soát kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2026", null, null, issued.plusDays(30), null, null,
        issued.plusDays(40), "so-tc", null, null, null, null, null, List.of(item), List.of(), null);
  }
}
