package org.monostore.platform;

import java.time.Duration;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;

/** How every event-sourced entity of the store is supervised. */
public final class EntitySupervision {

  /**
   * An entity whose write failed (the database unreachable) restarts, and recovers its state, with
   * growing pauses. One instance for all entities: each would otherwise hold its own copy.
   */
  public static final BackoffSupervisorStrategy RESTART_AFTER_FAILED_WRITE =
      SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1);

  private EntitySupervision() {}
}
