package org.monostore.platform;

/** Carries a {@link Rejection} from a controller to {@link ProblemResponses}. */
public final class RejectedException extends RuntimeException {

  private final transient Rejection rejection;

  RejectedException(Rejection rejection) {
    super(rejection.detail(), null, false, false);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }
}
