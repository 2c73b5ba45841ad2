package vn.cascade.common;

/** One thing wrong with one field of a request, in words for people. */
public record FieldProblem(String field, String message) {}
