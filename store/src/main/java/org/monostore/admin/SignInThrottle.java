package org.monostore.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed admin sign-ins per user name and per client address. A key's count starts with its
 * first failure and lasts a window; once it holds the allowed number of failures, every attempt for
 * that key is refused until the window ends, without checking (hashing) the password. A successful
 * sign-in forgets the counts of its user name and address. The counts live in this node's memory.
 */
final class SignInThrottle {

  /** Past this many keys, those whose window has ended are dropped before a new one is counted. */
  private static final int PURGE_ABOVE = 10_000;

  private record Failures(int count, Instant windowEnds) {}

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

  SignInThrottle(int maxFailures, Duration window, Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("monostore.admin.sign-in.max-failures must be at least 1 and "
          + "monostore.admin.sign-in.window longer than zero");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long an attempt for the user name from the address must wait; zero when it may go ahead. */
  Duration wait(String username, String address) {
    Instant now = clock.instant();
    Duration user = wait(userKey(username), now);
    Duration client = wait(addressKey(address), now);
    return user.compareTo(client) >= 0 ? user : client;
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > PURGE_ABOVE) {
      // Bounded by how fast failures come: each one costs the caller a password check.
      failures.values().removeIf(f -> !now.isBefore(f.windowEnds()));
    }
    count(userKey(username), now);
    count(addressKey(address), now);
  }

  void succeeded(String username, String address) {
    failures.remove(userKey(username));
    failures.remove(addressKey(address));
  }

  private Duration wait(String key, Instant now) {
    Failures f = failures.get(key);
    if (f == null || f.count() < maxFailures || !now.isBefore(f.windowEnds())) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.windowEnds());
  }

  private void count(String key, Instant now) {
    failures.compute(key, (k, f) -> f == null || !now.isBefore(f.windowEnds())
        ? new Failures(1, now.plus(window))
        : new Failures(f.count() + 1, f.windowEnds()));
  }

  private static String userKey(String username) {
    // The admin accounts' user names are not case-sensitive.
    return "user:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
