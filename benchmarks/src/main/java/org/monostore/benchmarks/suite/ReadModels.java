package org.monostore.benchmarks.suite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.monostore.platform.Projections;

/**
 * The store's read models, seen from its database. The load runs start once the projections hold
 * every event written before them (the memory test writes hundreds of thousands), so that what the
 * runs measure is a store in its steady state, not one still catching up.
 */
final class ReadModels {

  private ReadModels() {}

  /** Waits until nothing is left to project; how long that took, or null for a store without read models. */
  static Duration awaitCaughtUp(int databasePort, Duration atMost) throws InterruptedException {
    Instant start = Instant.now();
    try (Connection connection = Pgbench.connect(databasePort); Statement statement = connection.createStatement()) {
      if (!count(statement, "SELECT count(*) FROM information_schema.columns "
          + "WHERE table_name = 'event_journal' AND column_name = 'txid'").equals(1L)) {
        return null;
      }
      while (count(statement, Projections.EVENTS_NOT_YET_PROJECTED) > 0) {
        if (Duration.between(start, Instant.now()).compareTo(atMost) > 0) {
          throw new IllegalStateException("the read models did not catch up within " + atMost);
        }
        Thread.sleep(500);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not ask the database how far the read models are", e);
    }
    return Duration.between(start, Instant.now());
  }

  private static Long count(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
