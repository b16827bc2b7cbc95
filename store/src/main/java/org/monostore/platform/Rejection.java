package org.monostore.platform;

import java.util.List;

/**
 * Why an entity refused a command, in words a client can act on. Actors reply with it instead of
 * throwing, and the HTTP layer turns it into an RFC 9457 problem response.
 *
 * @param field the request field at fault, if one is
 * @param currentStatus the entity's status, for a conflict with it
 * @param allowed what the entity would accept in its current status, for a conflict with it
 * @param shortage the product there is too little of, for a conflict with its stock
 */
public record Rejection(
    Reason reason, String detail, String field, String currentStatus, List<String> allowed, Shortage shortage)
    implements CborSerializable {

  /** A product of which fewer units are available than the request needs. */
  public record Shortage(String sku, long available) implements CborSerializable {}

  public Rejection {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }

  public enum Reason {
    /** The request itself is wrong: 400. */
    INVALID,
    /** What the request names does not exist: 404. */
    NOT_FOUND,
    /** The entity's current state does not allow it: 409. */
    CONFLICT,
    /** The request contradicts an earlier one it claims to repeat (its Idempotency-Key): 422. */
    UNPROCESSABLE,
    /** A dependency cannot take the request now, and nothing was changed: 503. */
    UNAVAILABLE,
    /**
     * Another entity did not answer in time: what it was asked may have been done, or may be done
     * still, so a retry should carry the same Idempotency-Key: 503.
     */
    UNANSWERED
  }

  public static Rejection invalid(String field, String detail) {
    return new Rejection(Reason.INVALID, detail, field, null, null, null);
  }

  public static Rejection notFound(String detail) {
    return new Rejection(Reason.NOT_FOUND, detail, null, null, null, null);
  }

  public static Rejection conflict(String detail, String currentStatus) {
    return new Rejection(Reason.CONFLICT, detail, null, currentStatus, null, null);
  }

  /** A conflict with the entity's status that also says which actions that status allows. */
  public static Rejection conflict(String detail, String currentStatus, List<String> allowed) {
    return new Rejection(Reason.CONFLICT, detail, null, currentStatus, allowed, null);
  }

  /** A conflict with a product's stock: fewer of {@code sku} are available than asked for. */
  public static Rejection shortage(String sku, long available, String detail) {
    return new Rejection(Reason.CONFLICT, detail, null, null, null, new Shortage(sku, available));
  }

  public static Rejection unprocessable(String field, String detail) {
    return new Rejection(Reason.UNPROCESSABLE, detail, field, null, null, null);
  }

  public static Rejection unavailable(String detail) {
    return new Rejection(Reason.UNAVAILABLE, detail, null, null, null, null);
  }

  public static Rejection unanswered(String detail) {
    return new Rejection(Reason.UNANSWERED, detail, null, null, null, null);
  }

  /** Whether the request may be retried later: the refusal is about now, not about the request. */
  public boolean isTemporary() {
    return reason == Reason.UNAVAILABLE || reason == Reason.UNANSWERED;
  }

  public RejectedException asException() {
    return new RejectedException(this);
  }
}
