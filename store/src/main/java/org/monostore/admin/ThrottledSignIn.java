package org.monostore.admin;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every admin sign-in, by the UI's session or by HTTP Basic, goes through here: a throttled user
 * name or client address is refused before its password is checked, and each failure is logged
 * (user name and address, never the password) and counted.
 */
final class ThrottledSignIn implements AuthenticationManager {

  private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

  private final AuthenticationManager passwords;
  private final SignInThrottle throttle;

  ThrottledSignIn(AuthenticationManager passwords, SignInThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  /** Refused because of earlier failures: answered 429 with Retry-After. */
  static final class Throttled extends AuthenticationException {
    final Duration retryAfter;

    Throttled(Duration retryAfter) {
      super("Too many failed sign-ins");
      this.retryAfter = retryAfter;
    }
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    String username = attempt.getName();
    String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
        ? web.getRemoteAddress() : "unknown";
    Duration wait = throttle.wait(username, address);
    if (wait.isPositive()) {
      log.warn("Admin sign-in refused without a check: too many failures for user '{}' or from {}",
          printable(username), address);
      throw new Throttled(wait);
    }
    try {
      Authentication admin = passwords.authenticate(attempt);
      throttle.succeeded(username, address);
      return admin;
    } catch (AuthenticationException e) {
      throttle.failed(username, address);
      log.warn("Admin sign-in failed for user '{}' from {}", printable(username), address);
      throw e;
    }
  }

  /** The user name as the caller sent it, but without line breaks that could forge log lines, and short. */
  private static String printable(String username) {
    String safe = username.replaceAll("\\p{Cntrl}", "?");
    return safe.length() > 100 ? safe.substring(0, 100) + "..." : safe;
  }
}
