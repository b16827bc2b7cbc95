package org.monostore.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The payment gateway ({@code monostore.payment.*}).
 *
 * @param gateway {@code gateway}: which gateway takes the payments; {@code simulated}, the built-in one
 *     with test tokens, or the value a real adapter (a {@link PaymentGateway} bean) switches on under
 * @param gatewayTimeout {@code gateway-timeout}: how long the gateway may take to authorize; after that
 *     the payment is PENDING until asked again
 * @param simulatedGateway {@code simulated-gateway.*}: the simulated gateway's
 */
@ConfigurationProperties("monostore.payment")
@Validated
public record PaymentSettings(
    @DefaultValue("simulated") @NotBlank String gateway,
    @DefaultValue("3s") @DurationMin(millis = 1, message = "must be longer than 0") Duration gatewayTimeout,
    @DefaultValue @Valid SimulatedGateway simulatedGateway) {

  /**
   * @param slowResponse {@code slow-response}: how long {@code tok_timeout} takes to answer; longer than
   *     the gateway timeout, so that the payment is PENDING
   */
  public record SimulatedGateway(
      @DefaultValue("10s") @DurationMin(millis = 1, message = "must be longer than 0") Duration slowResponse) {}
}
