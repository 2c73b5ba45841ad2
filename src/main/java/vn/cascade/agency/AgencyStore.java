package vn.cascade.agency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The agency directory's tables: cascade_agency_directory, cascade_agency and its changes. */
@Repository
class AgencyStore {

  /** A recorded change of one agency: who, when, what. */
  record Change(long id, String agencyCode, String action, String changedBy, Instant changedAt, String details) {}

  private static final int DIRECTORY_ROW = 1;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  AgencyStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
  }

  boolean isEmpty() {
    return jdbc.sql("select count(*) from cascade_agency_directory").query(Long.class).single() == 0;
  }

  /**
   * Fills the empty directory from a file in one transaction; false when another node did it first
   * (its row of cascade_agency_directory makes this node's insert a duplicate).
   */
  boolean seed(String province, String source, List<Agency> agencies) {
    try {
      return Boolean.TRUE.equals(tx.execute(status -> {
        jdbc.sql("insert into cascade_agency_directory (id, province, source, version) values (:id, :p, :s, 1)")
            .param("id", DIRECTORY_ROW).param("p", province).param("s", source).update();
        int position = 0;
        for (Agency a : agencies) {
          insert(a, ++position);
        }
        return true;
      }));
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  String source() {
    return jdbc.sql("select source from cascade_agency_directory where id = :id").param("id", DIRECTORY_ROW)
        .query(String.class).single();
  }

  long version() {
    return jdbc.sql("select version from cascade_agency_directory where id = :id").param("id", DIRECTORY_ROW)
        .query(Long.class).single();
  }

  AgencyDirectory.Snapshot load() {
    return tx.execute(status -> {
      Map<String, Object> head = jdbc.sql("select province, version from cascade_agency_directory where id = :id")
          .param("id", DIRECTORY_ROW).query().singleRow();
      Map<String, Agency> byCode = new LinkedHashMap<>();
      jdbc.sql("""
          select code, name, aliases, kind, emails, parent_code, statistics_code, active
            from cascade_agency order by position, code""")
          .query((rs, n) -> new Agency(rs.getString("code"), rs.getString("name"), lines(rs.getString("aliases")),
              AgencyKind.ofCode(rs.getString("kind")), lines(rs.getString("emails")), rs.getString("statistics_code"),
              rs.getString("parent_code"), rs.getBoolean("active")))
          .list().forEach(a -> byCode.put(a.code(), a));
      return new AgencyDirectory.Snapshot((String) head.get("province"),
          ((Number) head.get("version")).longValue(), byCode);
    });
  }

  /** Runs a change in one transaction (rows, its record, the version, the Camunda group). */
  <T> T inTransaction(java.util.function.Supplier<T> change) {
    return tx.execute(status -> change.get());
  }

  /** Locks the directory's row: changes follow one another, on every node. */
  long lockVersion() {
    return jdbc.sql("select version from cascade_agency_directory where id = :id for update")
        .param("id", DIRECTORY_ROW).query(Long.class).single();
  }

  void raiseVersion() {
    jdbc.sql("update cascade_agency_directory set version = version + 1 where id = :id")
        .param("id", DIRECTORY_ROW).update();
  }

  void insert(Agency a) {
    int position = jdbc.sql("select coalesce(max(position), 0) + 1 from cascade_agency").query(Integer.class).single();
    insert(a, position);
  }

  private void insert(Agency a, int position) {
    jdbc.sql("""
        insert into cascade_agency (code, name, aliases, kind, emails, parent_code, statistics_code, active, position)
        values (:code, :name, :aliases, :kind, :emails, :parent, :stat, :active, :position)""")
        .param("code", a.code()).param("name", a.name()).param("aliases", String.join("\n", a.aliases()))
        .param("kind", a.kind().code()).param("emails", String.join("\n", a.emails()))
        .param("parent", a.parent()).param("stat", a.statisticsCode()).param("active", a.active())
        .param("position", position).update();
  }

  void update(Agency a) {
    jdbc.sql("""
        update cascade_agency set name = :name, aliases = :aliases, kind = :kind, emails = :emails,
               parent_code = :parent, statistics_code = :stat, active = :active
         where code = :code""")
        .param("code", a.code()).param("name", a.name()).param("aliases", String.join("\n", a.aliases()))
        .param("kind", a.kind().code()).param("emails", String.join("\n", a.emails()))
        .param("parent", a.parent()).param("stat", a.statisticsCode()).param("active", a.active()).update();
  }

  void record(String agencyCode, String action, String by, Instant at, String details) {
    jdbc.sql("""
        insert into cascade_agency_change (agency_code, action, changed_by, changed_at, details)
        values (:code, :action, :by, :at, :details)""")
        .param("code", agencyCode).param("action", action).param("by", by).param("at", Timestamp.from(at))
        .param("details", details.length() > 8000 ? details.substring(0, 8000) : details).update();
  }

  /** The newest changes first, of one agency or (code null) of all. */
  List<Change> changes(String agencyCode, int limit) {
    String where = agencyCode == null ? "" : " where agency_code = :code";
    var sql = jdbc.sql("select id, agency_code, action, changed_by, changed_at, details from cascade_agency_change"
        + where + " order by changed_at desc, id desc limit :n").param("n", limit);
    if (agencyCode != null) {
      sql = sql.param("code", agencyCode);
    }
    return sql.query((rs, n) -> new Change(rs.getLong("id"), rs.getString("agency_code"), rs.getString("action"),
        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), rs.getString("details")))
        .list();
  }

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }
}
