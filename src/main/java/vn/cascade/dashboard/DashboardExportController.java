package vn.cascade.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import vn.cascade.common.CascadePage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.cascade.agency.Agency;
import vn.cascade.common.VnDates;
import vn.cascade.security.CurrentUser;

/**
 * Downloads: the directive's table and the agency table as XLSX, and the draft of the
 * collecting agency's summary as DOCX (managers only: it carries every agency's report).
 */
@Controller
@CascadePage
@RequestMapping("/dashboard")
class DashboardExportController {

  private final DashboardQuery query;
  private final CurrentUser user;

  DashboardExportController(DashboardQuery query, CurrentUser user) {
    this.query = query;
    this.user = user;
  }

  @GetMapping("/directives/{id}/export.xlsx")
  ResponseEntity<byte[]> directive(@PathVariable long id) {
    Visibility v = Visibility.of(user);
    DirectivePage page = query.directivePage(id, v, null, Pager.Request.ALL);
    byte[] xlsx = XlsxExports.directive(page, query.reports(id, v), query.now());
    return Downloads.file(xlsx, Downloads.XLSX,
        "Tình hình thực hiện " + Downloads.number(page.directive().number()) + ".xlsx");
  }

  @GetMapping("/directives/{id}/summary.docx")
  ResponseEntity<byte[]> summary(@PathVariable long id) {
    Visibility v = Visibility.of(user);
    if (!v.all() && !WorkspaceController.mayOpen(user, query.directive(id))) {
      throw DashboardException.forbidden("Dự thảo báo cáo tổng hợp chỉ dành cho cơ quan tổng hợp và lãnh đạo.");
    }
    // The directive's own collector sees every agency's rows in its draft, as on its workspace.
    v = new Visibility(true, v.agencies());
    DirectivePage page = query.directivePage(id, v, null, Pager.Request.ALL);
    Agency collector = query.agency(page.directive().collectingAgency())
        .orElseThrow(() -> DashboardException.notFound("Cơ quan tổng hợp " + page.directive().collectingAgency()
            + " không có trong danh bạ."));
    Map<String, String> names = new LinkedHashMap<>();
    page.rows().forEach(r -> query.agency(r.agencyCode()).ifPresent(a -> names.put(a.code(), a.name())));
    byte[] docx = SummaryDocx.write(page, query.reports(id, v), collector, query.province(), names, query.now());
    return Downloads.file(docx, Downloads.DOCX,
        "Báo cáo tổng hợp " + Downloads.number(page.directive().number()) + ".docx");
  }

  @GetMapping("/agencies/export.xlsx")
  ResponseEntity<byte[]> agencies() {
    byte[] xlsx = XlsxExports.agencies(query.agencyStats(Visibility.of(user)), query.now());
    return Downloads.file(xlsx, Downloads.XLSX,
        "Thống kê theo cơ quan " + VnDates.format(query.now()).replace('/', '-') + ".xlsx");
  }
}
