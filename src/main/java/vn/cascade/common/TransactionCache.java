package vn.cascade.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read once per transaction. Issuing a directive starts all its assignment instances in one
 * transaction, and each of them reads the same directive and its own assignment several times
 * (the delegate that loads the form's texts, the chase that plans the first reminder): those reads
 * are served from here. A region is forgotten whenever its table is written in the transaction, and
 * the whole cache when the transaction ends. Outside a transaction nothing is kept.
 */
public final class TransactionCache {

  private TransactionCache() {}

  /** The value cached for (region, id) in this transaction, loading it once. */
  public static <T> Optional<T> get(String region, Object id, Supplier<Optional<T>> loader) {
    Map<String, Map<Object, Optional<?>>> regions = regions();
    if (regions == null) {
      return loader.get();
    }
    Map<Object, Optional<?>> rows = regions.computeIfAbsent(region, r -> new HashMap<>());
    @SuppressWarnings("unchecked")
    Optional<T> cached = (Optional<T>) rows.get(id);
    if (cached == null) {
      cached = loader.get();
      rows.put(id, cached);
    }
    return cached;
  }

  /** What is cached for (region, id) in this transaction, or null when nothing is. */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> cached(String region, Object id) {
    Map<String, Map<Object, Optional<?>>> regions = regions();
    if (regions == null || !regions.containsKey(region)) {
      return null;
    }
    return (Optional<T>) regions.get(region).get(id);
  }

  /** Keeps a row just read under another key of the same region, e.g. its id beside a lookup by name. */
  public static <T> void put(String region, Object id, Optional<T> value) {
    Map<String, Map<Object, Optional<?>>> regions = regions();
    if (regions != null) {
      regions.computeIfAbsent(region, r -> new HashMap<>()).put(id, value);
    }
  }

  /** Forgets every row of the region read in this transaction: call it on every write to its table. */
  public static void evict(String region) {
    Map<String, Map<Object, Optional<?>>> regions = regions();
    if (regions != null) {
      regions.remove(region);
    }
  }

  private static Map<String, Map<Object, Optional<?>>> regions() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    // Kept in a synchronization, not a bound resource: a transaction started inside this one
    // (REQUIRES_NEW) suspends the synchronizations and so gets a cache of its own.
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Holder holder) {
        return holder.regions;
      }
    }
    Holder holder = new Holder();
    TransactionSynchronizationManager.registerSynchronization(holder);
    return holder.regions;
  }

  private static final class Holder implements TransactionSynchronization {
    private final Map<String, Map<Object, Optional<?>>> regions = new HashMap<>();

    @Override
    public void afterCompletion(int status) {
      regions.clear();
    }
  }
}
