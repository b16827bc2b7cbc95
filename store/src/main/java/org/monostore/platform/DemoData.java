package org.monostore.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defines demo data in the background once the entities are reachable, so that a start never waits
 * for it: a node that waits for its peers to form a cluster cannot reach them yet, and tries again
 * every few seconds, for up to five minutes. The definition itself must be safe to repeat.
 */
public final class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final int ATTEMPTS = 60;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private DemoData() {}

  public static void defineOnceReachable(String what, Runnable define) {
    Thread.ofVirtual().name("demo-" + what).start(() -> {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          define.run();
          return;
        } catch (RuntimeException e) {
          log.info("Demo {} not defined yet (attempt {} of {}): {}", what, attempt, ATTEMPTS, e.getMessage());
        }
        try {
          Thread.sleep(RETRY_AFTER);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    });
  }
}
