package org.monostore.platform;

/**
 * Why an entity refused a command, in words a client can act on. Actors reply with it instead of
 * throwing, and the HTTP layer turns it into an RFC 9457 problem response.
 *
 * @param field the request field at fault, if one is
 * @param currentStatus the entity's status, for a conflict with it
 */
public record Rejection(Reason reason, String detail, String field, String currentStatus)
    implements CborSerializable {

  public enum Reason {
    /** The request itself is wrong: 400. */
    INVALID,
    /** What the request names does not exist: 404. */
    NOT_FOUND,
    /** The entity's current state does not allow it: 409. */
    CONFLICT,
    /** A dependency did not answer in time: 503. */
    UNAVAILABLE
  }

  public static Rejection invalid(String field, String detail) {
    return new Rejection(Reason.INVALID, detail, field, null);
  }

  public static Rejection notFound(String detail) {
    return new Rejection(Reason.NOT_FOUND, detail, null, null);
  }

  public static Rejection conflict(String detail, String currentStatus) {
    return new Rejection(Reason.CONFLICT, detail, null, currentStatus);
  }

  public static Rejection unavailable(String detail) {
    return new Rejection(Reason.UNAVAILABLE, detail, null, null);
  }

  public RejectedException asException() {
    return new RejectedException(this);
  }
}
