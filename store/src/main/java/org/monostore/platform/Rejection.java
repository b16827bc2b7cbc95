package org.monostore.platform;

import java.util.List;

/**
 * Why an entity refused a command, in words a client can act on. Actors reply with it instead of
 * throwing, and the HTTP layer turns it into an RFC 9457 problem response.
 *
 * @param field the request field at fault, if one is
 * @param currentStatus the entity's status, for a conflict with it
 * @param allowed what the entity would accept in its current status, for a conflict with it
 */
public record Rejection(Reason reason, String detail, String field, String currentStatus, List<String> allowed)
    implements CborSerializable {

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
    return new Rejection(Reason.INVALID, detail, field, null, null);
  }

  public static Rejection notFound(String detail) {
    return new Rejection(Reason.NOT_FOUND, detail, null, null, null);
  }

  public static Rejection conflict(String detail, String currentStatus) {
    return new Rejection(Reason.CONFLICT, detail, null, currentStatus, null);
  }

  /** A conflict with the entity's status that also says which actions that status allows. */
  public static Rejection conflict(String detail, String currentStatus, List<String> allowed) {
    return new Rejection(Reason.CONFLICT, detail, null, currentStatus, allowed);
  }

  public static Rejection unprocessable(String field, String detail) {
    return new Rejection(Reason.UNPROCESSABLE, detail, field, null, null);
  }

  public static Rejection unavailable(String detail) {
    return new Rejection(Reason.UNAVAILABLE, detail, null, null, null);
  }

  public static Rejection unanswered(String detail) {
    return new Rejection(Reason.UNANSWERED, detail, null, null, null);
  }

  /** Whether the request may be retried later: the refusal is about now, not about the request. */
  public boolean isTemporary() {
    return reason == Reason.UNAVAILABLE || reason == Reason.UNANSWERED;
  }

  public RejectedException asException() {
    return new RejectedException(this);
  }
}
