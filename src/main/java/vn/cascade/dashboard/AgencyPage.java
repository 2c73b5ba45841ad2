package vn.cascade.dashboard;

import java.util.List;

/** One agency's assignments across all directives. */
record AgencyPage(String code, String name, Counts counts, List<AssignmentRow> rows) {}
