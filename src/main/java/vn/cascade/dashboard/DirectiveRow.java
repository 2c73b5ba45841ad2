package vn.cascade.dashboard;

import java.time.LocalDate;

/**
 * One line of the directives list: the document, the counts of the rows the viewer may see, the
 * next deadline still ahead (an agency's report, or the collecting agency's summary) and how many
 * consistency warnings it has.
 */
record DirectiveRow(long id, String number, LocalDate issuedOn, String title, String issuer, Counts counts,
    LocalDate nextDeadline, String nextDeadlineWhat, int warnings) {}
