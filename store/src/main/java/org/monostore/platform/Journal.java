package org.monostore.platform;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.springframework.stereotype.Component;

/** Reads an entity's events back from the journal, for timelines that show what happened to it. */
@Component
public class Journal {

  private final ActorSystem<?> system;
  private final JdbcReadJournal readJournal;

  Journal(ActorSystem<?> system) {
    this.system = system;
    this.readJournal =
        PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
  }

  /** The events of the entity of this kind and id, oldest first. */
  public CompletableFuture<List<Object>> events(String entityType, String entityId) {
    return readJournal.currentEventsByPersistenceId(entityType + "|" + entityId, 0, Long.MAX_VALUE)
        .map(envelope -> envelope.event())
        .runWith(Sink.seq(), system)
        .toCompletableFuture();
  }
}
