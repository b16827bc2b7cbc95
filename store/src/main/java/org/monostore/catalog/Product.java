package org.monostore.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.monostore.platform.CborSerializable;

/**
 * A product of the catalog as a sharded entity, addressed by SKU. It reads its row once when it wakes
 * and then answers from memory until it passivates, so a hot product costs no query per request.
 * The read runs off the actor and comes back as a message; lookups that arrive meanwhile wait. While
 * awake it also publishes the product in its node's read view, so that lookups on this node need no
 * round trip through its mailbox (they do not keep it awake: when it sleeps, the next lookup wakes it).
 */
public final class Product {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Product");

  /** Lookups waiting for the row beyond this many are answered as unavailable. */
  private static final int MAX_WAITING_LOOKUPS = 1_000;

  // Protocol

  public sealed interface Command extends CborSerializable {}

  public record GetProduct(ActorRef<Reply> replyTo) implements Command {}

  private record RowLoaded(Optional<ProductDetails> product) implements Command {}

  private record RowLoadFailed(String reason) implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Found(ProductDetails product) implements Reply {}

  public record NotFound(String sku) implements Reply {}

  public record Unavailable(String reason) implements Reply {}

  // Wiring

  /** Loads a product's row; runs on a thread that may block. */
  public interface Rows extends Function<String, CompletionStage<Optional<ProductDetails>>> {}

  public static void init(ClusterSharding sharding, Rows rows, Map<String, ProductDetails> awake) {
    sharding.init(
        Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard(), rows, awake)));
  }

  /**
   * @param awake this node's read view of the products whose entity is awake here: the entity puts its
   *     product in when it has loaded it and takes it out when it stops, and is its only writer
   */
  static Behavior<Command> create(
      String sku, ActorRef<ClusterSharding.ShardCommand> shard, Rows rows, Map<String, ProductDetails> awake) {
    return Behaviors.withStash(
        MAX_WAITING_LOOKUPS,
        stash ->
            Behaviors.setup(
                context -> {
                  context.pipeToSelf(
                      rows.apply(sku),
                      (product, failure) ->
                          failure == null ? new RowLoaded(product) : new RowLoadFailed(failure.getMessage()));
                  return loading(sku, shard, stash, awake);
                }));
  }

  // Handlers, one per state

  private static Behavior<Command> loading(
      String sku, ActorRef<ClusterSharding.ShardCommand> shard, StashBuffer<Command> stash,
      Map<String, ProductDetails> awake) {
    return Behaviors.setup(
        context ->
            Behaviors.receive(Command.class)
                .onMessage(
                    GetProduct.class,
                    get -> {
                      if (stash.isFull()) {
                        get.replyTo().tell(new Unavailable("too many lookups waiting for " + sku));
                      } else {
                        stash.stash(get);
                      }
                      return Behaviors.same();
                    })
                .onMessage(
                    RowLoaded.class,
                    loaded ->
                        stash.unstashAll(
                            loaded.product()
                                .map(product -> published(product, awake))
                                .orElseGet(() -> answeringThenLeaving(new NotFound(sku), shard, context.getSelf()))))
                .onMessage(
                    RowLoadFailed.class,
                    failed -> {
                      context.getLog().warn("Product {} could not be loaded: {}", sku, failed.reason());
                      return stash.unstashAll(
                          answeringThenLeaving(new Unavailable(failed.reason()), shard, context.getSelf()));
                    })
                .build());
  }

  /** Answers from memory, and keeps the node's read view of it for as long as it is awake. */
  private static Behavior<Command> published(ProductDetails product, Map<String, ProductDetails> awake) {
    awake.put(product.sku(), product);
    return answering(new Found(product), () -> awake.remove(product.sku(), product));
  }

  /** Every lookup gets the same answer: the product, or why there is none. */
  private static Behavior<Command> answering(Reply answer, Runnable whenStopped) {
    return Behaviors.receive(Command.class)
        .onMessage(GetProduct.class, get -> {
          get.replyTo().tell(answer);
          return Behaviors.same();
        })
        .onSignal(PostStop.class, stopped -> {
          whenStopped.run();
          return Behaviors.same();
        })
        .build();
  }

  /** Leaves after answering what is waiting, so that made-up SKUs or a failed read do not linger. */
  private static Behavior<Command> answeringThenLeaving(
      Reply answer, ActorRef<ClusterSharding.ShardCommand> shard, ActorRef<Command> self) {
    shard.tell(new ClusterSharding.Passivate<>(self));
    return answering(answer, () -> {});
  }

  private Product() {}
}
