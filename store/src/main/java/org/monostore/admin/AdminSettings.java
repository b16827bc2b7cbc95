package org.monostore.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin's account and its sign-in ({@code monostore.admin.*}).
 *
 * @param username {@code username}: the admin's user name (MONOSTORE_ADMIN_USERNAME)
 * @param password {@code password}: the admin's password (MONOSTORE_ADMIN_PASSWORD); when empty, one is
 *     generated at every start and printed once in the log
 * @param signIn {@code sign-in.*}: how failed sign-ins are throttled
 */
@ConfigurationProperties("monostore.admin")
@Validated
public record AdminSettings(
    @DefaultValue("admin") @NotBlank String username,
    @DefaultValue("") @NotNull String password,
    @DefaultValue @Valid SignIn signIn) {

  /**
   * @param maxFailures {@code max-failures}: failed sign-ins a user name, or a client address, may make
   *     within the window before the rest of the window refuses it with 429
   *     (MONOSTORE_ADMIN_SIGN_IN_MAX_FAILURES)
   * @param window {@code window}: how long failures are counted from a key's first one, and so the longest
   *     a throttled key waits (MONOSTORE_ADMIN_SIGN_IN_WINDOW)
   */
  public record SignIn(
      @DefaultValue("5") @Positive int maxFailures,
      @DefaultValue("15m") @DurationMin(seconds = 1, message = "must be at least 1s") Duration window) {}
}
