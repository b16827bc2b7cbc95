package org.monostore.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What every capability runs on: asking entities, HTTP, the read models, Pekko ({@code monostore.*}).
 *
 * @param askTimeout {@code ask-timeout}: how long an HTTP request waits for an entity's reply before it
 *     is answered 503
 * @param http {@code http.*}: the HTTP API's
 * @param projections {@code projections.*}: the read models'
 * @param pekko {@code pekko.*}: the actor system's
 */
@ConfigurationProperties("monostore")
@Validated
public record PlatformSettings(
    @DefaultValue("5s") @DurationMin(millis = 1, message = "must be longer than 0") Duration askTimeout,
    @DefaultValue @Valid Http http,
    @DefaultValue @Valid Projections projections,
    @DefaultValue @Valid Pekko pekko) {

  /** @param maxBodySize {@code max-body-size}: the largest request body the API takes; its requests are far smaller */
  public record Http(@DefaultValue("16KB") @NotNull DataSize maxBodySize) {}

  /**
   * @param pollInterval {@code poll-interval}: how long a projection that has read all there was waits
   *     before it asks the journal again: the read models' lag behind a change is about this long; an
   *     {@link org.monostore.platform.EventFeed} (each node's copy of the promotions) waits as long
   */
  public record Projections(
      @DefaultValue("1s") @DurationMin(millis = 1, message = "must be longer than 0") Duration pollInterval) {}

  /**
   * @param config {@code config}: the Pekko configuration file on the classpath, under which the store adds
   *     the database and every {@code pekko.*} and {@code monostore.cluster.*} property
   */
  public record Pekko(@DefaultValue("application.conf") @NotBlank String config) {}
}
