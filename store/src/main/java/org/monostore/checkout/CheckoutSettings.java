package org.monostore.checkout;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How checkout runs ({@code monostore.checkout.*}).
 *
 * @param fulfilAutomatically {@code fulfil-automatically}: an order creates its fulfilment by itself as
 *     soon as its payment is authorized
 * @param settlementInterval {@code settlement-interval}: how soon a payment that may hold money unsettled
 *     (pending, or of a cancelled order) is first looked at again, and how often each node looks for due
 *     settlements; each later try waits twice as long, up to half an hour
 */
@ConfigurationProperties("monostore.checkout")
@Validated
public record CheckoutSettings(
    @DefaultValue("false") boolean fulfilAutomatically,
    @DefaultValue("30s") @DurationMin(millis = 10, message = "must be at least 10ms") Duration settlementInterval) {}
