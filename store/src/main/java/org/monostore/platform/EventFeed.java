package org.monostore.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every event of an entity type, from the first, handed to this node as it commits: for a small set
 * that each node holds in memory (the live promotions), where a read model's table would cost a query
 * per use. Unlike a projection it runs on every node and keeps no offset: each start reads the type's
 * events again, so it suits a type of few, rarely written entities. After a failed read (the database
 * away) it goes on from the last event it handed over, after a backoff.
 */
@Component
public final class EventFeed {

  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
  private static final int PAGE_SIZE = 1000;

  private final ActorSystem<?> system;
  private final DataSource dataSource;
  private final Duration pollInterval;

  EventFeed(ActorSystem<?> system, DataSource dataSource, PlatformSettings settings) {
    this.system = system;
    this.dataSource = dataSource;
    this.pollInterval = settings.projections().pollInterval();
  }

  /**
   * Hands each event of {@code entityType} to {@code handle}, oldest first, one at a time, from now
   * until the actor system stops; a new one waits at most the projections' poll interval.
   */
  public <E> void follow(EntityTypeKey<?> entityType, Consumer<CommittedEvents.Entry<E>> handle) {
    CommittedEvents<E> events = new CommittedEvents<>(system, dataSource, entityType.name(), PAGE_SIZE, pollInterval);
    AtomicReference<String> reached = new AtomicReference<>();
    RestartSource.onFailuresWithBackoff(
            RestartSettings.create(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2),
            () -> Source.completionStageSource(events.source(
                () -> CompletableFuture.completedFuture(Optional.ofNullable(reached.get())))))
        .runForeach(entry -> {
          handle.accept(entry);
          reached.set(events.extractOffset(entry));
        }, system)
        .whenComplete((done, failure) -> {
          if (failure != null) {
            log.error("The feed of {} events stopped", entityType.name(), failure);
          }
        });
  }
}
