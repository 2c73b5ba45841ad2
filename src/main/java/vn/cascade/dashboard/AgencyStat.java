package vn.cascade.dashboard;

/** One agency across all directives. */
record AgencyStat(String code, String name, Counts counts) {}
