package org.monostore.platform;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.Scheduler;
import org.springframework.stereotype.Component;

/**
 * Asks an entity from an HTTP request thread and waits for the reply. Requests run on virtual threads,
 * so waiting costs no platform thread; a reply that does not come in time becomes a 503 that says the
 * change may have been made (the command was sent: it may be persisted while its answer is late).
 */
@Component
public final class Asks {

  private final Duration timeout;
  private final Scheduler scheduler;

  Asks(PlatformSettings settings, org.apache.pekko.actor.typed.ActorSystem<?> system) {
    this.timeout = settings.askTimeout();
    this.scheduler = system.scheduler();
  }

  public Duration timeout() {
    return timeout;
  }

  public <M, R> R ask(RecipientRef<M> recipient, Function<ActorRef<R>, M> command) {
    return ask(recipient, command, timeout);
  }

  /** For commands that take longer than most, such as one that waits for a payment gateway. */
  public <M, R> R ask(RecipientRef<M> recipient, Function<ActorRef<R>, M> command, Duration timeout) {
    return await(AskPattern.<M, R>ask(recipient, command::apply, timeout, scheduler), timeout);
  }

  /** Asks without waiting, so that several entities can be asked at once; {@link #await} waits for one. */
  public <M, R> CompletionStage<R> askLater(RecipientRef<M> recipient, Function<ActorRef<R>, M> command) {
    return AskPattern.ask(recipient, command::apply, timeout, scheduler);
  }

  /** The reply to an ask sent before, as {@link #ask} gives it. */
  public <R> R await(CompletionStage<R> reply) {
    return await(reply, timeout);
  }

  private static <R> R await(CompletionStage<R> reply, Duration timeout) {
    try {
      return reply.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof TimeoutException) {
        throw new Unanswered("The store did not answer within " + timeout.toMillis() + " ms");
      }
      throw e;
    }
  }

  /** The entity did not answer in time; what was asked may have been done all the same. */
  static final class Unanswered extends RuntimeException {

    Unanswered(String message) {
      super(message, null, false, false);
    }
  }
}
