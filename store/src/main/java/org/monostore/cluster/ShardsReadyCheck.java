package org.monostore.cluster;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management's readiness check ({@code /ready} on the management port, the probe container
 * platforms use), named in pekko/cluster.conf; Pekko creates it.
 */
public final class ShardsReadyCheck implements Supplier<CompletionStage<Boolean>> {

  private final ShardsReady shards;

  public ShardsReadyCheck(ActorSystem system) {
    this.shards = ShardsReady.get(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    return shards.check(Duration.ofMillis(800));
  }
}
