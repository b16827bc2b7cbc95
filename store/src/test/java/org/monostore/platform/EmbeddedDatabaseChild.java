package org.monostore.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A stand-in for a store process, run in its own JVM by {@link EmbeddedDatabaseTest}: starts the
 * embedded database on the folder given as the first argument, commits the second argument as a row,
 * prints {@code READY <port>} and then waits to be killed.
 *
 * <p>Should the test JVM die instead, the child's stdin reaches its end and it stops its server and
 * exits, so no process is left behind.
 */
final class EmbeddedDatabaseChild {

  private EmbeddedDatabaseChild() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    String value = args[1];
    EmbeddedPostgres postgres = EmbeddedDatabase.start(directory, 0);
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS acknowledged (value text PRIMARY KEY)");
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO acknowledged (value) VALUES (?)")) {
        insert.setString(1, value);
        insert.executeUpdate();
      }
    }
    // The write is acknowledged: from here on the test may kill this process at any moment.
    System.out.println("READY " + postgres.getPort());
    System.out.flush();

    // Waits until killed; returns only if the parent goes away and closes our stdin.
    while (System.in.read() != -1) {
      // keep waiting
    }
    postgres.close();
  }
}
