package vn.cascade.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One embedded PostgreSQL server for the cluster tests of this JVM; every scenario gets a database
 * of its own on it, shared by the nodes of that scenario.
 */
final class ClusterDatabase {

  private static EmbeddedPostgres server;

  private ClusterDatabase() {}

  /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
  static synchronized String create(String name) {
    try {
      if (server == null) {
        // Embedded PostgreSQL stops its server itself when the test JVM exits.
        server = EmbeddedPostgres.builder().start();
      }
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start (initdb refuses to run as root: "
          + "run the build as an ordinary user, as .ci/run does)", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
  }
}
