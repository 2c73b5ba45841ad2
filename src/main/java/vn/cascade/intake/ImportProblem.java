package vn.cascade.intake;

/**
 * Something the import could not settle and the officer must: the field it concerns (a path as the
 * validator names it, e.g. "items[3].agencies[0]"), a Vietnamese message, and the words of the letter.
 */
public record ImportProblem(String field, String message, String text) {}
