package vn.cascade.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details for the answers Cascade writes on the engine's own paths (task
 * submissions, refused engine calls, engine errors): they keep Camunda's {@code message} field,
 * which is what Tasklist shows.
 */
public final class ProblemBodies {

  private ProblemBodies() {}

  public static Map<String, Object> of(String kind, String title, int status, String detail) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "urn:cascade:problem:" + kind);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("message", detail);
    return p;
  }
}
