package vn.cascade.dashboard;

import java.util.List;

/** One agency's assignments across all directives: counts over all of them, {@code rows} one page of the table. */
record AgencyPage(String code, String name, Counts counts, List<AssignmentRow> rows, Pager pager) {}
