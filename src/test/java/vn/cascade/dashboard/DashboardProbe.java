package vn.cascade.dashboard;

import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * For {@code DashboardBenchmark} only: builds a dashboard page's data in-process, without HTTP
 * and without Thymeleaf, so the benchmark can tell the queries from the rendering.
 */
public final class DashboardProbe {

  private static final Visibility MANAGER = new Visibility(true, Set.of());

  private DashboardProbe() {}

  /** The directive page's data, first page; returns its row count. */
  public static int directive(ApplicationContext app, long id) {
    return app.getBean(DashboardQuery.class).directivePage(id, MANAGER, null, new Pager.Request(null, null))
        .rows().size();
  }

  /** The agency page's data, first page; returns its row count. */
  public static int agency(ApplicationContext app, String code) {
    return app.getBean(DashboardQuery.class).agency(code, MANAGER, null, new Pager.Request(null, null)).rows().size();
  }
}
