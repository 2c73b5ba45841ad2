package vn.cascade.reminder;

import java.util.List;

/** A rendered mail: recipients, subject, plain text and HTML bodies. */
public record Mail(List<String> to, List<String> cc, String subject, String text, String html) {}
