package vn.cascade.common;

/**
 * The key of the process a definition id belongs to. Camunda writes definition ids as
 * {@code key:version:uuid} for keys as short as Cascade's ({@code party-conclusion}, {@code directive},
 * {@code agency-assignment}), so the key is read from the id without asking the engine.
 */
public final class ProcessKeys {

  private ProcessKeys() {}

  /** The key, or "" for an id not of that form. */
  public static String of(String processDefinitionId) {
    int colon = processDefinitionId == null ? -1 : processDefinitionId.indexOf(':');
    return colon < 0 ? "" : processDefinitionId.substring(0, colon);
  }
}
