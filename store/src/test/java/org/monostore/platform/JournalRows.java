package org.monostore.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/** Writes journal rows as pekko-persistence-jdbc does, with a String as the event, for tests of what reads them. */
final class JournalRows {

  private JournalRows() {}

  static void write(ActorSystem<?> system, Connection connection, String persistenceId, long sequenceNr, String event)
      throws SQLException {
    Serialization serialization = SerializationExtension.get(system);
    Serializer serializer = serialization.findSerializerFor(event);
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO event_journal (persistence_id, sequence_number, writer, write_timestamp,
                                   event_ser_id, event_ser_manifest, event_payload)
        VALUES (?, ?, 'test', ?, ?, ?, ?)""")) {
      insert.setString(1, persistenceId);
      insert.setLong(2, sequenceNr);
      insert.setLong(3, System.currentTimeMillis());
      insert.setInt(4, serializer.identifier());
      insert.setString(5, Serializers.manifestFor(serializer, event));
      insert.setBytes(6, serialization.serialize(event).get());
      insert.executeUpdate();
    }
  }
}
