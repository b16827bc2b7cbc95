package org.monostore.cart;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.monostore.catalog.Product;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;

/**
 * A shopping cart: lines of products in one market's currency. Event sourced and sharded by cart
 * id; it is the only writer of its lines, so concurrent changes never overwrite each other. Every
 * line change asks the product's current price first, without blocking: the price comes back as a
 * message and the change is decided against the cart as it is then.
 */
public final class Cart
    extends EventSourcedBehaviorWithEnforcedReplies<Cart.Command, Cart.Event, CartState> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Cart");

  // Protocol

  public sealed interface Command extends CborSerializable {}

  public record Create(String market, String currency, ActorRef<Reply> replyTo) implements Command {}

  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /** A change to one line's quantity; made once the product's price is known. */
  public sealed interface LineChange extends Command {
    String sku();

    ActorRef<Reply> replyTo();
  }

  public record AddItem(String sku, int quantity, ActorRef<Reply> replyTo) implements LineChange {}

  public record IncreaseQuantity(String sku, int by, ActorRef<Reply> replyTo) implements LineChange {}

  public record DecreaseQuantity(String sku, int by, ActorRef<Reply> replyTo) implements LineChange {}

  public record SetQuantity(String sku, int quantity, ActorRef<Reply> replyTo) implements LineChange {}

  public record RemoveItem(String sku, ActorRef<Reply> replyTo) implements Command {}

  public record Clear(ActorRef<Reply> replyTo) implements Command {}

  /** A promotion's code the shopper entered (in its kept form); it is taken only while it applies to the cart. */
  public record EnterCode(String code, String promotionId, ActorRef<Reply> replyTo) implements Command {}

  public record RemoveCode(String code, ActorRef<Reply> replyTo) implements Command {}

  /** Fixes the cart for an order's payment: no change is accepted until the order unlocks it. */
  public record Lock(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /** The order that locked the cart was cancelled: the cart is open again. */
  public record Unlock(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /** The order's payment is authorized: the cart is done for good. */
  public record CheckOut(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The order that locked the cart sends its payment to the gateway for the cart's total, which must
   * hold until the gateway's outcome is known: not even an admin's override may change the cart now.
   */
  public record HoldForAuthorization(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /** The gateway declined or failed the payment, or it was repriced first: the hold ends, the lock stays. */
  public record EndAuthorizationHold(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /**
   * A change made by an admin on the shopper's behalf: a line change, {@link RemoveItem} or {@link Clear}.
   * It is recorded with the admin's name; only with {@code overrideLock} may it change a locked cart.
   */
  public record ByAdmin(String admin, boolean overrideLock, @Change Command change) implements Command {}

  /**
   * A change (as {@link ByAdmin} takes one, or a {@link ByAdmin}) sent with the client's Idempotency-Key.
   * The key is recorded with the change; the same key with the same change again is answered on
   * {@code replayTo} and not made again, the same key with another request is refused.
   */
  public record Keyed(String key, @Change Command change, ActorRef<Replayed> replayTo) implements Command {}

  /** A command inside another, named by its type, so that it crosses the network to the cart's node. */
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  @JsonSubTypes({
    @JsonSubTypes.Type(AddItem.class), @JsonSubTypes.Type(IncreaseQuantity.class),
    @JsonSubTypes.Type(DecreaseQuantity.class), @JsonSubTypes.Type(SetQuantity.class),
    @JsonSubTypes.Type(RemoveItem.class), @JsonSubTypes.Type(Clear.class), @JsonSubTypes.Type(ByAdmin.class)
  })
  @interface Change {}

  /**
   * Records that the client's key creates the order {@code orderId} from this cart; if the key was used for
   * that already, the order it named is answered on {@code replayTo} instead.
   */
  public record OpenOrder(String key, String orderId, ActorRef<Reply> replyTo, ActorRef<Replayed> replayTo)
      implements Command {}

  /**
   * {@code editor} is the admin making the change, or null for the shopper; {@code keyed} is the change with
   * its Idempotency-Key, or null.
   */
  record PriceQuoted(LineChange change, ByAdmin editor, Keyed keyed, Product.Reply quote) implements Command {}

  /**
   * The shard's word that an idle cart goes to sleep. Without a stop message of its own, sharding wraps
   * every entity in one more behavior layer to turn its PoisonPill into a stop: 80 bytes per awake cart.
   */
  private record GoToSleep() implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Current(CartView cart) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  /**
   * The answer to a key used before for the same request: the cart as it is now, and for {@link OpenOrder}
   * the order the key created. Not a {@link Reply}: only who sent a key waits for it.
   */
  public record Replayed(CartView cart, String orderId) implements CborSerializable {}

  // Events

  public sealed interface Event extends Persisted {
    Instant at();
  }

  @PersistedAs("cart.CartCreated")
  public record CartCreated(String market, String currency, Instant at) implements Event {}

  /** {@code category} decides the line's VAT rate; events from before it was recorded have none. */
  @PersistedAs("cart.ItemAdded")
  public record ItemAdded(String sku, String name, String category, int quantity, long unitPrice, Instant at)
      implements Event {}

  @PersistedAs("cart.ItemQuantityChanged")
  public record ItemQuantityChanged(String sku, int quantity, long unitPrice, Instant at) implements Event {}

  @PersistedAs("cart.ItemRemoved")
  public record ItemRemoved(String sku, Instant at) implements Event {}

  @PersistedAs("cart.CartCleared")
  public record CartCleared(Instant at) implements Event {}

  @PersistedAs("cart.CartLocked")
  public record CartLocked(String orderId, Instant at) implements Event {}

  @PersistedAs("cart.CartUnlocked")
  public record CartUnlocked(String orderId, Instant at) implements Event {}

  @PersistedAs("cart.CartCheckedOut")
  public record CartCheckedOut(String orderId, Instant at) implements Event {}

  @PersistedAs("cart.CartHeldForAuthorization")
  public record CartHeldForAuthorization(String orderId, Instant at) implements Event {}

  @PersistedAs("cart.AuthorizationHoldEnded")
  public record AuthorizationHoldEnded(String orderId, Instant at) implements Event {}

  /**
   * An admin changed the cart; the event of the change itself is persisted with it, right after.
   * {@code lockOverridden}: the cart was locked by an order and the admin overrode the lock.
   */
  @PersistedAs("cart.CartEditedByAdmin")
  public record CartEditedByAdmin(String admin, boolean lockOverridden, Instant at) implements Event {}

  /**
   * A client's Idempotency-Key, persisted with the change it came with (in the same write) or, for an
   * order's creation, with the order's id.
   */
  @PersistedAs("cart.CodeEntered")
  public record CodeEntered(String code, String promotionId, Instant at) implements Event {}

  @PersistedAs("cart.CodeRemoved")
  public record CodeRemoved(String code, Instant at) implements Event {}

  @PersistedAs("cart.RequestKeyRecorded")
  public record RequestKeyRecorded(String key, String request, String orderId, Instant at) implements Event {}

  // State (the record and its rules are in CartState.java)

  public enum Status {
    OPEN, LOCKED, CHECKED_OUT;

    /** The active carts: their shopper may still buy what is in them (the dashboard counts these). */
    public static final Set<Status> ACTIVE = Collections.unmodifiableSet(EnumSet.of(OPEN, LOCKED));
  }

  /** How far a cart may grow: per-line quantity and number of lines. */
  public record Limits(int maxQuantityPerLine, int maxLines) {}

  public record Line(String sku, String name, String category, int quantity, long unitPrice)
      implements CborSerializable {}

  /** A code the cart holds, and the promotion it is a code of. */
  public record EnteredCode(String code, String promotionId) implements CborSerializable {}

  /** An Idempotency-Key the cart remembers: what it was sent with, and the order it created, if it did. */
  public record KeyedRequest(String key, String request, String orderId, Instant at) implements CborSerializable {}

  // Wiring

  public static void init(
      ClusterSharding sharding, Function<String, CompletionStage<Product.Reply>> prices, CartPricing pricer,
      Limits limits, RequestKeys requestKeys, int snapshotEvery) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard(), prices, pricer,
        limits, requestKeys, snapshotEvery)).withStopMessage(new GoToSleep()));
  }

  static Behavior<Command> create(
      String cartId, ActorRef<ClusterSharding.ShardCommand> shard,
      Function<String, CompletionStage<Product.Reply>> prices, CartPricing pricer, Limits limits,
      RequestKeys requestKeys, int snapshotEvery) {
    return Behaviors.setup(
        context -> new Cart(cartId, context, shard, prices, pricer, limits, requestKeys, snapshotEvery));
  }

  private final String cartId;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final CartPricing pricer;
  private final RequestKeys requestKeys;
  private final int snapshotEvery;
  private final CartChanges changes;

  private Cart(
      String cartId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      Function<String, CompletionStage<Product.Reply>> prices, CartPricing pricer, Limits limits,
      RequestKeys requestKeys, int snapshotEvery) {
    super(PersistenceId.of(ENTITY_KEY.name(), cartId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.cartId = cartId;
    this.context = context;
    this.shard = shard;
    this.pricer = pricer;
    this.requestKeys = requestKeys;
    this.snapshotEvery = snapshotEvery;
    this.changes = new CartChanges(cartId, context, prices, pricer, limits, requestKeys, Effect());
  }

  @Override
  public CartState emptyState() {
    return CartState.NONE;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
  }

  // Handlers, by state

  @Override
  public CommandHandlerWithReply<Command, Event, CartState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> switch (command) {
      case GoToSleep _ -> Effect().stop().thenNoReply();
      case Keyed keyed -> onKeyed(state, keyed);
      case OpenOrder open when state.status() == null -> onUncreated(open);
      case OpenOrder open -> changes.openOrder(state, open);
      case ByAdmin edit -> onAdminEdit(state, edit, edit.change(), null);
      case PriceQuoted quoted when quoted.editor() != null -> onAdminEdit(state, quoted.editor(), quoted, null);
      default -> switch (state.status()) {
        case null -> onUncreated(command);
        case OPEN -> onOpen(state, command, null);
        case LOCKED, CHECKED_OUT -> onClosed(state, command);
      };
    });
    return builder.build();
  }

  private ReplyEffect<Event, CartState> onUncreated(Command command) {
    if (command instanceof Create create && !isMarket(create.market(), create.currency())) {
      return reject(create.replyTo(), Rejection.invalid("market", "A cart needs a market and its currency"));
    }
    if (command instanceof Create create) {
      return Effect()
          .persist(new CartCreated(create.market(), create.currency(), Instant.now()))
          .thenReply(create.replyTo(), this::current);
    }
    // No such cart: answer, and leave, so that made-up ids do not fill the memory.
    return Effect()
        .none()
        .thenRun(state -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf())))
        .thenReply(replyTo(command), state -> new Rejected(Rejection.notFound("There is no cart " + cartId)));
  }

  /** {@code keyed}: the change came with this Idempotency-Key, or null. */
  private ReplyEffect<Event, CartState> onOpen(CartState state, Command command, Keyed keyed) {
    return switch (command) {
      case Get get -> Effect().reply(get.replyTo(), current(state));
      case LineChange change -> changes.askPrice(state, change, null, keyed);
      case PriceQuoted quoted -> changes.changeLine(state, quoted);
      case RemoveItem remove -> changes.removeItem(state, remove, null, keyed);
      case Clear clear -> changes.clear(state, clear, null, keyed);
      case EnterCode enter -> enterCode(state, enter);
      case RemoveCode remove when state.code(remove.code()) == null ->
          reject(remove.replyTo(), Rejection.notFound("The cart has no code " + remove.code()));
      case RemoveCode remove ->
          Effect().persist(new CodeRemoved(remove.code(), Instant.now())).thenReply(remove.replyTo(), this::current);
      case ByAdmin _, GoToSleep _, Keyed _, OpenOrder _ -> throw new IllegalStateException("Dispatched before the status");
      case Create create -> reject(create.replyTo(), Rejection.conflict("The cart exists already", state.status().name()));
      case Lock lock when state.lines().isEmpty() ->
          reject(lock.replyTo(), Rejection.conflict("The cart is empty: there is nothing to pay for", state.status().name()));
      case Lock lock ->
          Effect().persist(new CartLocked(lock.orderId(), Instant.now())).thenReply(lock.replyTo(), this::current);
      case Unlock unlock -> Effect().reply(unlock.replyTo(), current(state));
      case CheckOut checkOut -> reject(checkOut.replyTo(),
          Rejection.conflict("The cart has no payment under way to check out with", state.status().name()));
      case HoldForAuthorization hold -> reject(hold.replyTo(),
          Rejection.conflict("The cart is not locked for a payment", state.status().name()));
      case EndAuthorizationHold end -> Effect().reply(end.replyTo(), current(state));
    };
  }

  /** Locked or checked out: only the order holding the cart may move it on. */
  private ReplyEffect<Event, CartState> onClosed(CartState state, Command command) {
    return switch (command) {
      case Get get -> Effect().reply(get.replyTo(), current(state));
      case Lock lock when state.heldBy(lock.orderId()) -> Effect().reply(lock.replyTo(), current(state));
      case Unlock unlock when state.heldBy(unlock.orderId()) && state.status() == Status.LOCKED ->
          Effect().persist(new CartUnlocked(unlock.orderId(), Instant.now())).thenReply(unlock.replyTo(), this::current);
      case CheckOut checkOut when state.heldBy(checkOut.orderId()) && state.status() == Status.LOCKED ->
          Effect().persist(new CartCheckedOut(checkOut.orderId(), Instant.now()))
              .thenReply(checkOut.replyTo(), this::current);
      case CheckOut checkOut when state.heldBy(checkOut.orderId()) -> Effect().reply(checkOut.replyTo(), current(state));
      case HoldForAuthorization hold when state.heldBy(hold.orderId()) && state.status() == Status.LOCKED
          && !state.authorizing() -> Effect().persist(new CartHeldForAuthorization(hold.orderId(), Instant.now()))
          .thenReply(hold.replyTo(), this::current);
      case HoldForAuthorization hold when state.heldBy(hold.orderId()) -> Effect().reply(hold.replyTo(), current(state));
      case EndAuthorizationHold end when state.heldBy(end.orderId()) && state.authorizing() ->
          Effect().persist(new AuthorizationHoldEnded(end.orderId(), Instant.now())).thenReply(end.replyTo(), this::current);
      case EndAuthorizationHold end -> Effect().reply(end.replyTo(), current(state));
      default -> reject(replyTo(command), Rejection.conflict(
          "The cart is " + state.status() + " by order " + state.orderId() + " and can no longer change",
          state.status().name()));
    };
  }

  /** An admin's change: the same rules as the shopper's, and the lock only with an override. */
  private ReplyEffect<Event, CartState> onAdminEdit(CartState state, ByAdmin editor, Command change, Keyed keyed) {
    if (state.status() == null) {
      return onUncreated(change);
    }
    Rejection refusal = state.refuse(editor, change instanceof PriceQuoted quoted ? quoted.change() : change);
    if (refusal != null) {
      return reject(replyTo(change), refusal);
    }
    return switch (change) {
      case LineChange lineChange -> changes.askPrice(state, lineChange, editor, keyed);
      case PriceQuoted quoted -> changes.changeLine(state, quoted);
      case RemoveItem remove -> changes.removeItem(state, remove, editor, keyed);
      case Clear clear -> changes.clear(state, clear, editor, keyed);
      default -> reject(replyTo(change), Rejection.invalid("change", "An admin edit changes lines, nothing else"));
    };
  }

  /** A change sent with a key: a repeat is answered, not made again. */
  private ReplyEffect<Event, CartState> onKeyed(CartState state, Keyed keyed) {
    ReplyEffect<Event, CartState> repeat = changes.repeated(state, keyed);
    if (repeat != null) {
      return repeat;
    }
    return switch (keyed.change()) {
      case ByAdmin edit -> onAdminEdit(state, edit, edit.change(), keyed);
      case Command change when state.status() == null -> onUncreated(change);
      case Command change when state.status() == Status.OPEN -> onOpen(state, change, keyed);
      case Command change -> onClosed(state, change);
    };
  }

  private ReplyEffect<Event, CartState> enterCode(CartState state, EnterCode enter) {
    if (state.code(enter.code()) != null) {
      return Effect().reply(enter.replyTo(), current(state));
    }
    Rejection refusal = state.refuse(enter, pricer);
    if (refusal != null) {
      return reject(enter.replyTo(), refusal);
    }
    return Effect()
        .persist(new CodeEntered(enter.code(), enter.promotionId(), Instant.now()))
        .thenReply(enter.replyTo(), this::current);
  }

  private static boolean isMarket(String market, String currency) {
    return market != null && market.matches("[A-Z]{2}") && currency != null && currency.matches("[A-Z]{3}");
  }

  private Reply current(CartState state) {
    return new Current(state.view(cartId, pricer));
  }

  private ReplyEffect<Event, CartState> reject(ActorRef<Reply> replyTo, Rejection rejection) {
    return Effect().reply(replyTo, new Rejected(rejection));
  }

  static ActorRef<Reply> replyTo(Command command) {
    return switch (command) {
      case Create c -> c.replyTo();
      case Get c -> c.replyTo();
      case LineChange c -> c.replyTo();
      case RemoveItem c -> c.replyTo();
      case Clear c -> c.replyTo();
      case EnterCode c -> c.replyTo();
      case RemoveCode c -> c.replyTo();
      case Lock c -> c.replyTo();
      case Unlock c -> c.replyTo();
      case CheckOut c -> c.replyTo();
      case HoldForAuthorization c -> c.replyTo();
      case EndAuthorizationHold c -> c.replyTo();
      case Keyed c -> replyTo(c.change());
      case OpenOrder c -> c.replyTo();
      case PriceQuoted c -> c.change().replyTo();
      case ByAdmin c -> replyTo(c.change());
      case GoToSleep _ -> throw new IllegalStateException("Going to sleep is answered by no one");
    };
  }

  @Override
  public EventHandler<CartState, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder.forAnyState()
        .onEvent(RequestKeyRecorded.class, requestKeys::applied)
        .onAnyEvent(CartState::apply);
    return builder.build();
  }
}
