package vn.cascade.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes of Cascade's own rows that nothing in the same transaction reads back from the database,
 * collected while the transaction runs and sent as one JDBC batch per statement just before it
 * commits, inside it: a directive's start links its 25 instances and plans their 25 chases in two
 * round trips instead of 50. Outside a transaction a write is sent at once.
 */
public final class CommitBatch {

  private CommitBatch() {}

  public static void add(NamedParameterJdbcTemplate jdbc, String sql, MapSqlParameterSource params) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      jdbc.update(sql, params);
      return;
    }
    Pending pending = null;
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Pending p && p.jdbc == jdbc) {
        pending = p;
      }
    }
    if (pending == null) {
      pending = new Pending(jdbc);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.statements.computeIfAbsent(sql, k -> new ArrayList<>()).add(params);
  }

  private static final class Pending implements TransactionSynchronization {
    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, List<SqlParameterSource>> statements = new LinkedHashMap<>();

    Pending(NamedParameterJdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public int getOrder() {
      return LOWEST_PRECEDENCE; // after the engine's own flush has run in the command
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      statements.forEach((sql, rows) -> jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new)));
      statements.clear();
    }

    @Override
    public void afterCompletion(int status) {
      statements.clear();
    }
  }
}
