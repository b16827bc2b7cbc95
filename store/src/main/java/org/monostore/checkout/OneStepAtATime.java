package org.monostore.checkout;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.monostore.checkout.CheckoutProcess.StepAnswer;
import org.monostore.checkout.PurchaseOrder.Command;
import org.monostore.checkout.PurchaseOrder.Current;
import org.monostore.checkout.PurchaseOrder.Event;
import org.monostore.checkout.PurchaseOrder.Rejected;
import org.monostore.checkout.PurchaseOrder.Reply;
import org.monostore.platform.Rejection;

/**
 * How a step of checkout runs: it asks another entity, the answer comes back to the order as a
 * message, and until the step is done the order's next requests wait in the stash.
 */
abstract class OneStepAtATime {

  protected final ActorContext<Command> context;
  protected final EffectFactories<Event, OrderState> effects;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  /** A step is waiting for another entity; not state: a restarted order has no step under way. */
  private boolean busy;

  OneStepAtATime(
      ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      EffectFactories<Event, OrderState> effects) {
    this.context = context;
    this.shard = shard;
    this.effects = effects;
  }

  boolean busy() {
    return busy;
  }

  protected <T> Effect<Event, OrderState> step(
      CompletionStage<T> ask, T silence, Function<T, StepAnswer> answer) {
    busy = true;
    return continueWith(ask, silence, answer);
  }

  /** {@code silence} stands in for the answer when the entity does not give one in time. */
  protected <T> Effect<Event, OrderState> continueWith(
      CompletionStage<T> ask, T silence, Function<T, StepAnswer> answer) {
    context.pipeToSelf(ask, (reply, failure) -> answer.apply(failure == null ? reply : silence));
    return effects.none();
  }

  /** The step's last event is persisted (or none is needed): answer, and take the next request. */
  protected Effect<Event, OrderState> done(EffectBuilder<Event, OrderState> effect, ActorRef<Reply> replyTo) {
    return effect.thenRun((OrderState state) -> {
      busy = false;
      replyTo.tell(new Current(state));
    }).thenUnstashAll();
  }

  /** The step is over with an answer prepared before: give it, and take the next request. */
  protected Effect<Event, OrderState> answered(ActorRef<Reply> replyTo, Reply reply) {
    return effects.none().thenRun((OrderState unchanged) -> {
      busy = false;
      replyTo.tell(reply);
    }).thenUnstashAll();
  }

  /** The step could not be taken: answer why, and leave if the order was never created. */
  protected Effect<Event, OrderState> failed(ActorRef<Reply> replyTo, Rejection rejection) {
    return effects.none().thenRun((OrderState state) -> {
      busy = false;
      replyTo.tell(new Rejected(rejection));
      if (!state.exists()) {
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
      }
    }).thenUnstashAll();
  }

  /** The step ends without an answer of its own: the request was answered already. */
  protected void stepDone() {
    busy = false;
  }
}
