package vn.cascade.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.conclusion.ConclusionDraft;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveDraft.Bullet;

/** Letters in the other shapes a province's letters take, each read field by field. */
class LetterImportTest {

  static final AgencyDirectory DIRECTORY = SeedImportTest.DIRECTORY;

  static final String ROMAN_SECTIONS = """
      ỦY BAN NHÂN DÂN
      TỈNH ĐỒNG NAI
      Số: 1234/UBND-KGVX
      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc
      Đồng Nai, ngày 07 tháng 6 năm 2021
      V/v triển khai Kết luận số 120-KL/TU ngày 20 tháng 5 năm 2021
      của Ban Thường vụ Tỉnh ủy về phòng, chống dịch Covid-19
      Kính gửi: Sở Y tế; Sở Giáo dục và Đào tạo; UBND các huyện, thành phố.
      Thực hiện Kết luận số 120-KL/TU, Chủ tịch UBND tỉnh yêu cầu:
      I. MỤC ĐÍCH, YÊU CẦU
      1. Triển khai kịp thời, đồng bộ các biện pháp phòng, chống dịch.
      2. Phân công rõ trách nhiệm của từng cơ quan, đơn vị.
      II. NHIỆM VỤ CỤ THỂ
      1. Sở Y tế
      a) Chủ trì, phối hợp với Sở Thông tin và Truyền thông tổ chức tuyên truyền về tiêm chủng.
      b) Báo cáo kết quả tiêm chủng về UBND tỉnh chậm nhất ngày 30/6/2021.
      2. Sở GD&ĐT: Hướng dẫn các trường học bảo đảm an toàn khi tổ chức thi.
      3. UBND các huyện, thành phố
      - Kiểm tra việc thực hiện giãn cách tại các chợ.
      - Chủ trì, phối hợp với Công an tỉnh xử lý các trường hợp vi phạm.
      III. TỔ CHỨC THỰC HIỆN
      Các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Y tế) trước ngày 15/7/2021.
      Giao Sở Y tế tổng hợp, báo cáo UBND tỉnh trước ngày 20/7/2021.
      Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.
      Nơi nhận:
      - Như trên;
      - Thường trực Tỉnh ủy (báo cáo);
      - Lưu: VT, KGVX.
      KT. CHỦ TỊCH
      PHÓ CHỦ TỊCH
      Nguyễn Thị Hoàng
      """;

  @Test
  void romanSectionsNumberTheirOwnItemsAndLetteredBulletsCarryTheirDeadline() {
    ImportedDirective imported = DirectiveImport.read(ROMAN_SECTIONS, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(imported.problems()).isEmpty();
    assertThat(d.number()).isEqualTo("1234/UBND-KGVX");
    assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2021, 6, 7));
    assertThat(d.place()).isEqualTo("Đồng Nai");
    assertThat(d.issuer()).isEqualTo("Ủy ban nhân dân tỉnh Đồng Nai");
    assertThat(d.issuerAgency()).isEqualTo("lanh-dao-ubnd");
    assertThat(d.title()).isEqualTo("V/v triển khai Kết luận số 120-KL/TU ngày 20 tháng 5 năm 2021 "
        + "của Ban Thường vụ Tỉnh ủy về phòng, chống dịch Covid-19");
    assertThat(imported.implementsConclusion())
        .isEqualTo(new ImportedDirective.ConclusionReference("120-KL/TU", LocalDate.of(2021, 5, 20)));
    assertThat(d.addressees()).containsExactly("Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND các huyện, thành phố");
    assertThat(d.preamble()).isEqualTo("Thực hiện Kết luận số 120-KL/TU, Chủ tịch UBND tỉnh yêu cầu:");
    assertThat(d.signer()).isEqualTo("Nguyễn Thị Hoàng");
    assertThat(d.signerTitle()).isEqualTo("Phó Chủ tịch (KT. Chủ tịch)");

    // Section I states purposes and names no agency: it is no assignment.
    assertThat(imported.itemNumbers()).containsExactly("II.1", "II.2", "II.3");
    assertThat(d.items()).extracting(DirectiveDraft.Item::number, DirectiveDraft.Item::heading,
        DirectiveDraft.Item::agencies).containsExactly(
            tuple(1, "Sở Y tế", List.of("so-yt")),
            tuple(2, "Sở GD&ĐT", List.of("so-gddt")),
            tuple(3, "UBND các huyện, thành phố", List.of("all:district")));
    assertThat(d.items().get(0).bullets()).containsExactly(
        new Bullet("Chủ trì, phối hợp với Sở Thông tin và Truyền thông tổ chức tuyên truyền về tiêm chủng.",
            List.of("so-tttt")),
        new Bullet("Báo cáo kết quả tiêm chủng về UBND tỉnh chậm nhất ngày 30/6/2021.", List.of(),
            LocalDate.of(2021, 7, 1)));
    assertThat(d.items().get(1).bullets()).containsExactly(
        new Bullet("Hướng dẫn các trường học bảo đảm an toàn khi tổ chức thi.", List.of()));
    assertThat(d.items().get(2).bullets()).containsExactly(
        new Bullet("Kiểm tra việc thực hiện giãn cách tại các chợ.", List.of()),
        new Bullet("Chủ trì, phối hợp với Công an tỉnh xử lý các trường hợp vi phạm.", List.of("ca-tinh")));
    // "chậm nhất ngày 30/6/2021" is by the end of that day: due before 1/7/2021 begins.
    assertThat(imported.deadlines()).containsExactly(
        java.util.Map.entry("items[0].bullets[1].deadline", LocalDate.of(2021, 7, 1)));
    assertThat(imported.sources()).containsEntry("items[0].bullets[1].deadline", "chậm nhất ngày 30/6/2021");
    // The bullet's deadline is in the draft POST /api/directives takes: item II.1 is due then, the others
    // at the report deadline.
    assertThat(d.items()).extracting(DirectiveDraft.Item::deadline).containsOnlyNulls();
    assertThat(d.items()).extracting(i -> i.deadlineOr(d.reportDeadline()))
        .containsExactly(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 7, 15), LocalDate.of(2021, 7, 15));

    assertThat(d.reportDeadline()).isEqualTo(LocalDate.of(2021, 7, 15));
    assertThat(d.reportTo()).isEqualTo("UBND tỉnh (qua Sở Y tế)");
    assertThat(d.collectingAgency()).isEqualTo("so-yt");
    assertThat(d.summaryDeadline()).isEqualTo(LocalDate.of(2021, 7, 20));
    assertThat(d.summaryInstruction()).isEqualTo("Giao Sở Y tế tổng hợp, báo cáo UBND tỉnh trước ngày 20/7/2021.");
    assertThat(d.monitoringAgency()).isEqualTo("vp-ubnd");
    assertThat(d.recipients()).containsExactly(new DirectiveDraft.Recipient("Như trên", null, null),
        new DirectiveDraft.Recipient("Thường trực Tỉnh ủy", "báo cáo", "tinh-uy"),
        new DirectiveDraft.Recipient("Lưu: VT, KGVX", "lưu", null));
  }

  static final String THROUGH_AND_GENERAL = """
      ỦY BAN NHÂN DÂN
      TỈNH ĐỒNG NAI

      Số: 2045 / UBND-KT

      V/v tăng cường quản lý chi ngân sách năm 2021

      Đồng Nai, ngày 15/3/2021

      Kính gửi:
      - Sở Tài chính;
      - Cục Thuế tỉnh;
      - UBND các huyện Long Thành, Nhơn Trạch.

      UBND tỉnh chỉ đạo như sau:

      1. Các cơ quan, đơn vị rà soát các khoản chi, cắt giảm chi thường xuyên không cần thiết.

      2. Cục Thuế tỉnh: Tăng cường thu ngân sách, chống thất thu.

      3. UBND huyện Long Thành và UBND huyện Nhơn Trạch: Đẩy nhanh giải ngân vốn đầu tư công, hoàn thành trước ngày 30/9/2021.

      4. Giao Sở Tài nguyên và
      Môi trường: Rà soát các dự án chậm sử dụng đất.

      Các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Tài chính) trước ngày 15/4/2021.

      Nơi nhận:
      - Như trên;
      - Lưu: VT, KT.

      CHỦ TỊCH

      Cao Tiến Dũng
      """;

  @Test
  void aGeneralItemGoesToEveryAddresseeAndTheCollectorIsNamedInsideTheReportSentence() {
    ImportedDirective imported = DirectiveImport.read(THROUGH_AND_GENERAL, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(d.number()).isEqualTo("2045/UBND-KT");
    assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2021, 3, 15));
    assertThat(d.title()).isEqualTo("V/v tăng cường quản lý chi ngân sách năm 2021");
    assertThat(d.addressees()).containsExactly("Sở Tài chính", "Cục Thuế tỉnh", "UBND các huyện Long Thành, Nhơn Trạch");
    assertThat(d.preamble()).isEqualTo("UBND tỉnh chỉ đạo như sau:");
    assertThat(d.signerTitle()).isEqualTo("Chủ tịch");
    assertThat(d.signer()).isEqualTo("Cao Tiến Dũng");
    assertThat(imported.implementsConclusion()).isNull();

    assertThat(d.items()).extracting(DirectiveDraft.Item::number, DirectiveDraft.Item::agencies).containsExactly(
        tuple(1, List.of("so-tc", "cuc-thue", "ubnd-long-thanh", "ubnd-nhon-trach")),
        tuple(2, List.of("cuc-thue")),
        tuple(3, List.of("ubnd-long-thanh", "ubnd-nhon-trach")),
        tuple(4, List.of("so-tnmt")));
    assertThat(d.items().get(0).heading())
        .isEqualTo("Các cơ quan, đơn vị rà soát các khoản chi, cắt giảm chi thường xuyên không cần thiết.");
    assertThat(d.items().get(0).bullets()).extracting(Bullet::text)
        .containsExactly("Các cơ quan, đơn vị rà soát các khoản chi, cắt giảm chi thường xuyên không cần thiết.");
    assertThat(d.items().get(3).heading()).isEqualTo("Giao Sở Tài nguyên và Môi trường");
    assertThat(d.items().get(2).bullets()).extracting(Bullet::text)
        .containsExactly("Đẩy nhanh giải ngân vốn đầu tư công, hoàn thành trước ngày 30/9/2021.");
    assertThat(imported.deadlines()).containsExactly(
        java.util.Map.entry("items[2].bullets[0].deadline", LocalDate.of(2021, 9, 30)));

    assertThat(d.reportDeadline()).isEqualTo(LocalDate.of(2021, 4, 15));
    assertThat(d.reportTo()).isEqualTo("UBND tỉnh (qua Sở Tài chính)");
    assertThat(d.collectingAgency()).isEqualTo("so-tc");
    assertThat(imported.sources()).containsEntry("collectingAgency", "(qua Sở Tài chính)");
    // The letter sets no summary deadline: the officer is asked for one.
    assertThat(d.summaryDeadline()).isNull();
    assertThat(imported.problems()).extracting(ImportProblem::field).containsExactly("summaryDeadline");
  }

  static final String UNKNOWN_AGENCY = """
      ỦY BAN NHÂN DÂN
      TỈNH ĐỒNG NAI
      Số: 315/UBND-THNC
      Đồng Nai, ngày 02 tháng 3 năm 2022
      V/v rà soát các dự án chậm tiến độ
      Kính gửi:
      - Sở Kế hoạch và Đầu tư;
      - Sở Xây dựng;
      - Sở Du lịch.
      1. Giao Sở KH&ĐT chủ trì, phối hợp với Sở Xây dựng và Sở Du lịch rà soát các dự án chậm tiến độ.
      2. Giao Sở Du lịch: Xây dựng kế hoạch kích cầu du lịch năm 2022.
      3. Ban Quản lý các Khu công nghiệp tỉnh: Đôn đốc các nhà đầu tư hạ tầng khu công nghiệp.
      Các sở, ban, ngành báo cáo kết quả thực hiện về UBND tỉnh trước ngày 31/3/2022.
      Giao Sở Kế hoạch và Đầu tư tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 05/4/2022.
      Nơi nhận:
      - Như trên;
      - Lưu: VT, THNC.
      CHỦ TỊCH
      Cao Tiến Dũng
      """;

  @Test
  void anAgencyOutsideTheDirectoryIsAProblemWithItsWordsNeverDropped() {
    ImportedDirective imported = DirectiveImport.read(UNKNOWN_AGENCY, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(d.items()).extracting(DirectiveDraft.Item::agencies).containsExactly(
        List.of("so-khdt"), List.of("Sở Du lịch"), List.of("ban-qlkcn"));
    assertThat(d.items().get(0).bullets().get(0).coordinating()).containsExactly("so-xd", "Sở Du lịch");
    assertThat(imported.problems()).containsExactly(
        new ImportProblem("items[0].bullets[0].coordinating[1]",
            "Không tìm thấy cơ quan phối hợp \"Sở Du lịch\" trong danh mục; xin chọn cơ quan trong danh mục hoặc bỏ đi.",
            "Sở Du lịch"),
        new ImportProblem("items[1].agencies[0]",
            "Không tìm thấy cơ quan \"Sở Du lịch\" trong danh mục; xin chọn cơ quan trong danh mục hoặc bỏ đi.",
            "Sở Du lịch"));
    assertThat(d.reportDeadline()).isEqualTo(LocalDate.of(2022, 3, 31));
    assertThat(d.summaryDeadline()).isEqualTo(LocalDate.of(2022, 4, 5));
    assertThat(d.collectingAgency()).isEqualTo("so-khdt");
  }

  @Test
  void theKinhGuiListNamesRecipientsNotTheAssignments() {
    DirectiveDraft d = DirectiveImport.read(UNKNOWN_AGENCY, DIRECTORY).draft();

    // Sở Xây dựng is addressed but leads nothing; the Ban Quản lý các KCN is not addressed but leads item 3.
    assertThat(d.addressees()).containsExactly("Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Du lịch");
    assertThat(d.items()).flatExtracting(DirectiveDraft.Item::agencies).doesNotContain("so-xd").contains("ban-qlkcn");
  }

  static final String NOTICE = """
      ỦY BAN NHÂN DÂN
      TỈNH ĐỒNG NAI
      Số: 215/TB-UBND
      Đồng Nai, ngày 14 tháng 3 năm 2023

      THÔNG BÁO
      Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giải ngân vốn đầu tư công

      Chủ tịch UBND tỉnh kết luận, giao nhiệm vụ như sau:
      1. Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh rà soát kế hoạch vốn đã giao, báo cáo chậm nhất ngày 31/3/2023.
      2. UBND các huyện Long Thành, Nhơn Trạch: đẩy nhanh bồi thường, giải phóng mặt bằng các dự án trọng điểm.
      Các cơ quan báo cáo kết quả về UBND tỉnh (qua Sở Tài chính) trước ngày 20/4/2023.
      Giao Sở Tài chính tổng hợp, báo cáo UBND tỉnh trước ngày 25/4/2023.

      Nơi nhận:
      - Như trên;
      - Lưu: VT, KTN.

      TL. CHỦ TỊCH
      CHÁNH VĂN PHÒNG

      Nguyễn Kim Long
      """;

  @Test
  void aNoticeOfConclusionsIsAcceptedWithItsOwnNumberItsItemsAndItsDeadlines() {
    ImportedDirective imported = DirectiveImport.read(NOTICE, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(d.number()).isEqualTo("215/TB-UBND");
    assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2023, 3, 14));
    assertThat(d.items()).extracting(DirectiveDraft.Item::number, DirectiveDraft.Item::agencies).containsExactly(
        tuple(1, List.of("so-tc")), tuple(2, List.of("ubnd-long-thanh", "ubnd-nhon-trach")));
    assertThat(d.items().get(0).deadlineOr(d.reportDeadline())).isEqualTo(LocalDate.of(2023, 4, 1));
    assertThat(d.items().get(1).deadlineOr(d.reportDeadline())).isEqualTo(LocalDate.of(2023, 4, 20));
    assertThat(d.reportDeadline()).isEqualTo(LocalDate.of(2023, 4, 20));
    assertThat(d.summaryDeadline()).isEqualTo(LocalDate.of(2023, 4, 25));
    assertThat(d.collectingAgency()).isEqualTo("so-tc");
    assertThat(d.signer()).isEqualTo("Nguyễn Kim Long");
    // Kho bạc Nhà nước tỉnh is not in the directory: flagged with its words, never dropped.
    assertThat(imported.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).startsWith("items[0].bullets[0].coordinating");
      assertThat(p.text()).contains("Kho bạc Nhà nước tỉnh");
    });
  }

  static final String DECISION = """
      ỦY BAN NHÂN DÂN
      TỈNH ĐỒNG NAI
      Số: 1520/QĐ-UBND
      Đồng Nai, ngày 05 tháng 5 năm 2023

      QUYẾT ĐỊNH
      Về việc giao nhiệm vụ phòng, chống dịch sốt xuất huyết năm 2023

      CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
      QUYẾT ĐỊNH:
      1. Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức chiến dịch diệt lăng quăng tại các trường học.
      2. UBND các huyện, thành phố: huy động lực lượng vệ sinh môi trường tại khu dân cư.
      Các cơ quan báo cáo kết quả về UBND tỉnh (qua Sở Y tế) trước ngày 30/6/2023.
      Giao Sở Y tế tổng hợp, báo cáo UBND tỉnh trước ngày 10/7/2023.

      Nơi nhận:
      - Như trên;
      - Lưu: VT, KGVX.

      KT. CHỦ TỊCH
      PHÓ CHỦ TỊCH

      Nguyễn Sơn Hùng
      """;

  @Test
  void aDecisionIsAcceptedWithItsOwnNumberAndItsAssignments() {
    ImportedDirective imported = DirectiveImport.read(DECISION, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(d.number()).isEqualTo("1520/QĐ-UBND");
    assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2023, 5, 5));
    assertThat(d.items()).extracting(DirectiveDraft.Item::number).containsExactly(1, 2);
    assertThat(d.items().get(0).agencies()).containsExactly("so-yt");
    assertThat(d.items().get(0).bullets()).flatExtracting(Bullet::coordinating).containsExactly("so-gddt");
    assertThat(d.items().get(1).agencies()).as("the group, as the API's selector").containsExactly("all:district");
    assertThat(d.reportDeadline()).isEqualTo(LocalDate.of(2023, 6, 30));
    assertThat(d.summaryDeadline()).isEqualTo(LocalDate.of(2023, 7, 10));
    assertThat(d.collectingAgency()).isEqualTo("so-yt");
    assertThat(d.signer()).isEqualTo("Nguyễn Sơn Hùng");
    assertThat(imported.problems()).isEmpty();
  }

  static final String TABLE = """
      ỦY BAN NHÂN DÂN
      TỈNH ĐỒNG NAI
      Số: 1342/KH-UBND
      Đồng Nai, ngày 10 tháng 8 năm 2022

      KẾ HOẠCH
      Triển khai chuyển đổi số năm 2022

      Các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày 15/12/2022.
      Giao Sở Thông tin và Truyền thông tổng hợp, báo cáo UBND tỉnh trước ngày 20/12/2022.
      Giao Văn phòng UBND tỉnh theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch này.

      Nơi nhận:
      - Các sở, ban, ngành;
      - Lưu: VT, KGVX.

      TM. ỦY BAN NHÂN DÂN
      KT. CHỦ TỊCH
      PHÓ CHỦ TỊCH

      Võ Văn Phi

      PHỤ LỤC: NHIỆM VỤ CỤ THỂ
      STT   Nội dung nhiệm vụ                             Cơ quan chủ trì   Cơ quan phối hợp            Thời hạn hoàn thành
      1     Xây dựng kho dữ liệu dùng chung của tỉnh       Sở TT&TT          Sở KH&CN, Sở Tài chính      30/9/2022
      2     Số hóa hồ sơ thủ tục hành chính tại bộ phận    Sở Nội vụ         UBND các huyện, thành phố   Tháng 10/2022
            một cửa các cấp
      3     Bảo đảm an toàn thông tin mạng                 Công an tỉnh                                  15/11/2022
      """;

  @Test
  void anAssignmentTableGivesOneItemPerRowWithItsOwnDeadline() {
    ImportedDirective imported = DirectiveImport.read(TABLE, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(d.number()).isEqualTo("1342/KH-UBND");
    assertThat(d.title()).isEqualTo("Kế hoạch triển khai chuyển đổi số năm 2022");
    assertThat(d.signer()).isEqualTo("Võ Văn Phi");
    assertThat(d.signerTitle()).isEqualTo("Phó Chủ tịch (TM. Ủy ban nhân dân, KT. Chủ tịch)");
    assertThat(d.items()).extracting(DirectiveDraft.Item::number, DirectiveDraft.Item::heading,
        DirectiveDraft.Item::agencies).containsExactly(
            tuple(1, "Xây dựng kho dữ liệu dùng chung của tỉnh", List.of("so-tttt")),
            tuple(2, "Số hóa hồ sơ thủ tục hành chính tại bộ phận một cửa các cấp", List.of("so-nv")),
            tuple(3, "Bảo đảm an toàn thông tin mạng", List.of("ca-tinh")));
    assertThat(d.items().get(0).bullets()).containsExactly(
        new Bullet("Xây dựng kho dữ liệu dùng chung của tỉnh", List.of("so-khcn", "so-tc")));
    assertThat(d.items().get(1).bullets().get(0).coordinating()).containsExactlyElementsOf(
        DIRECTORY.ofKind(vn.cascade.agency.AgencyKind.DISTRICT).stream().map(vn.cascade.agency.Agency::code).toList());
    assertThat(d.items().get(2).bullets().get(0).coordinating()).isEmpty();
    // A day in the table is the last day to finish; a month is its end.
    assertThat(imported.deadlines()).containsOnly(
        java.util.Map.entry("items[0].deadline", LocalDate.of(2022, 10, 1)),
        java.util.Map.entry("items[1].deadline", LocalDate.of(2022, 11, 1)),
        java.util.Map.entry("items[2].deadline", LocalDate.of(2022, 11, 16)));
    assertThat(imported.sources()).containsEntry("items[1].deadline", "Tháng 10/2022");
    assertThat(d.reportDeadline()).isEqualTo(LocalDate.of(2022, 12, 15));
    assertThat(d.summaryDeadline()).isEqualTo(LocalDate.of(2022, 12, 20));
    assertThat(d.collectingAgency()).isEqualTo("so-tttt");
    assertThat(d.monitoringAgency()).isEqualTo("vp-ubnd");
    assertThat(imported.problems()).isEmpty();
  }

  static final String WORDS_AND_NAMED_LIST = """
      ỦY BAN NHÂN DÂN
      TỈNH ĐỒNG NAI
      Số: 777/UBND-KTN
      Đồng Nai, ngày 07 tháng 6 năm 2021
      V/v phòng, chống thiên tai mùa mưa bão năm 2021
      Kính gửi:
      - Sở Nông nghiệp và Phát triển nông thôn;
      - UBND các huyện Định Quán, Tân Phú, Vĩnh Cửu.
      1. Giao So Nong nghiep va Phat trien nong thon:
      a) Kiểm tra an toàn hồ đập trước mùa mưa, hoàn thành chậm nhất ngày 30/6/2021.
      b) Chủ trì, phối hợp với UBND các huyện Định Quán, Tân Phú và Vĩnh Cửu xây dựng phương án sơ tán dân.
      2. UBND các huyện Định Quán, Tân Phú, Vĩnh Cửu
      a) Rà soát các khu dân cư ven sông Đồng Nai.
      b) Tổ chức diễn tập phòng chống lụt bão.
      Yêu cầu các đơn vị báo cáo kết quả về Sở Nông nghiệp và Phát triển nông thôn trước ngày 15 tháng 7 năm 2021.
      Giao Sở Nông nghiệp và Phát triển nông thôn tổng hợp, báo cáo UBND tỉnh trước ngày 20 tháng 7 năm 2021.
      Nơi nhận:
      - Như trên;
      - Lưu: VT, KTN.
      KT. CHỦ TỊCH
      PHÓ CHỦ TỊCH
      Võ Tấn Đức
      """;

  @Test
  void datesInWordsNamesWithoutDiacriticsAndNamedListsOfDistricts() {
    ImportedDirective imported = DirectiveImport.read(WORDS_AND_NAMED_LIST, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(imported.problems()).isEmpty();
    assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2021, 6, 7));
    List<String> three = List.of("ubnd-dinh-quan", "ubnd-tan-phu", "ubnd-vinh-cuu");
    assertThat(d.items()).extracting(DirectiveDraft.Item::heading, DirectiveDraft.Item::agencies).containsExactly(
        tuple("Giao So Nong nghiep va Phat trien nong thon", List.of("so-nnptnt")),
        tuple("UBND các huyện Định Quán, Tân Phú, Vĩnh Cửu", three));
    assertThat(d.items().get(0).bullets()).extracting(Bullet::coordinating).containsExactly(List.of(), three);
    assertThat(d.items().get(1).bullets()).extracting(Bullet::text)
        .containsExactly("Rà soát các khu dân cư ven sông Đồng Nai.", "Tổ chức diễn tập phòng chống lụt bão.");
    assertThat(imported.deadlines()).containsExactly(
        java.util.Map.entry("items[0].bullets[0].deadline", LocalDate.of(2021, 7, 1)));
    assertThat(d.reportDeadline()).isEqualTo(LocalDate.of(2021, 7, 15));
    assertThat(imported.sources()).containsEntry("reportDeadline", "trước ngày 15 tháng 7 năm 2021");
    assertThat(d.reportTo()).isEqualTo("Sở Nông nghiệp và Phát triển nông thôn");
    assertThat(d.summaryDeadline()).isEqualTo(LocalDate.of(2021, 7, 20));
    assertThat(d.collectingAgency()).isEqualTo("so-nnptnt");
    assertThat(d.signerTitle()).isEqualTo("Phó Chủ tịch (KT. Chủ tịch)");
  }

  static final String CONCLUSION = """
      TỈNH ỦY ĐỒNG NAI
      *
      Số 245-KL/TU
      ĐẢNG CỘNG SẢN VIỆT NAM
      Đồng Nai, ngày 05 tháng 4 năm 2021

      KẾT LUẬN
      CỦA BAN THƯỜNG VỤ TỈNH ỦY
      về công tác phòng, chống dịch Covid-19

      I. TÌNH HÌNH
      Thời gian qua, các cấp, các ngành đã tích cực triển khai các biện pháp phòng, chống dịch.
      II. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI
      1. Tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch; không chủ quan, lơ là.
      2. Tăng cường kiểm tra, giám sát việc thực hiện
      - 3 -
      các biện pháp phòng, chống dịch tại các khu công nghiệp.
      III. TỔ CHỨC THỰC HIỆN
      Ban cán sự đảng UBND tỉnh lãnh đạo triển khai thực hiện Kết luận này.
      Nơi nhận:
      - Các đ/c TUV,
      - Lưu VPTU.
      T/M BAN THƯỜNG VỤ
      BÍ THƯ
      Nguyễn Phú Cường
      """;

  @Test
  void aConclusionWithoutAReportBackDeadlineImportsItsKeyTasks() {
    ImportedConclusion imported = ConclusionImport.read(CONCLUSION, DIRECTORY);
    ConclusionDraft c = imported.draft();

    assertThat(imported.problems()).isEmpty();
    assertThat(c.number()).isEqualTo("245-KL/TU");
    assertThat(c.issuedOn()).isEqualTo(LocalDate.of(2021, 4, 5));
    assertThat(c.issuer()).isEqualTo("Ban Thường vụ Tỉnh ủy");
    assertThat(c.issuerAgency()).isEqualTo("tinh-uy");
    assertThat(c.title()).isEqualTo("Kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng, chống dịch Covid-19");
    assertThat(c.items()).containsExactly(
        new ConclusionDraft.Item(1, "Tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch; không chủ quan, lơ là."),
        new ConclusionDraft.Item(2,
            "Tăng cường kiểm tra, giám sát việc thực hiện các biện pháp phòng, chống dịch tại các khu công nghiệp."));
    assertThat(c.reportBackDeadline()).isNull();
    assertThat(c.reportBackTo()).isNull();
    assertThat(c.signer()).isEqualTo("Nguyễn Phú Cường");
    assertThat(c.signerTitle()).isEqualTo("Bí thư (T/M Ban Thường vụ)");
    assertThat(c.recipients()).containsExactly("Các đ/c TUV", "Lưu VPTU");
  }

  static final String TWO_COLUMNS = """
      ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      TỈNH ĐỒNG NAI                Độc lập - Tự do - Hạnh phúc
      Số: 88/UBND-THNC         Đồng Nai, ngày 05 tháng 01 năm 2021
      V/v bảo đảm an ninh trật tự dịp Tết
      Kính gửi: Công an tỉnh; Sở Lao động - Thương binh và Xã hội.
      1. Công an tỉnh chủ trì, phối hợp với Sở LĐ-TB&XH và Sở Y tế:
      - Tăng cường tuần tra tại các khu công nghiệp.
      - Hỗ trợ người lao động về quê đón Tết, chậm nhất ngày 25/01/2021.
      2. Sở LĐ-TB&XH: Theo dõi tình hình trả lương, thưởng Tết.
      Yêu cầu các cơ quan báo cáo kết quả về UBND tỉnh trước ngày 15/02/2021.
      Giao Sở Lao động - Thương binh và Xã hội tổng hợp, báo cáo UBND tỉnh trước ngày 20/02/2021.
      Nơi nhận:
      - Như trên;
      - Lưu: VT, THNC.
      CHỦ TỊCH
      Cao Tiến Dũng
      """;

  @Test
  void aHeaderInTwoColumnsAndPartnersNamedInAnItemsHeading() {
    ImportedDirective imported = DirectiveImport.read(TWO_COLUMNS, DIRECTORY);
    DirectiveDraft d = imported.draft();

    assertThat(imported.problems()).isEmpty();
    assertThat(d.number()).isEqualTo("88/UBND-THNC");
    assertThat(d.place()).isEqualTo("Đồng Nai");
    assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2021, 1, 5));
    assertThat(d.issuer()).isEqualTo("Ủy ban nhân dân tỉnh Đồng Nai");
    assertThat(d.addressees()).containsExactly("Công an tỉnh", "Sở Lao động - Thương binh và Xã hội");
    assertThat(d.items()).extracting(DirectiveDraft.Item::heading, DirectiveDraft.Item::agencies).containsExactly(
        tuple("Công an tỉnh chủ trì, phối hợp với Sở LĐ-TB&XH và Sở Y tế", List.of("ca-tinh")),
        tuple("Sở LĐ-TB&XH", List.of("so-ldtbxh")));
    assertThat(d.items().get(0).bullets()).extracting(Bullet::coordinating)
        .containsExactly(List.of("so-ldtbxh", "so-yt"), List.of("so-ldtbxh", "so-yt"));
    assertThat(imported.deadlines()).containsExactly(
        java.util.Map.entry("items[0].bullets[1].deadline", LocalDate.of(2021, 1, 26)));
    assertThat(d.collectingAgency()).isEqualTo("so-ldtbxh");
    assertThat(d.summaryDeadline()).isEqualTo(LocalDate.of(2021, 2, 20));
  }

  @Test
  void textThatIsNoLetterGivesProblemsNotAGuess() {
    ImportedDirective imported = DirectiveImport.read("Xin chào, đây là một ghi chú.", DIRECTORY);

    assertThat(imported.draft().items()).isEmpty();
    assertThat(imported.problems()).extracting(ImportProblem::field)
        .contains("number", "issuedOn", "title", "reportDeadline");
  }
}
