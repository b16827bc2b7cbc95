package org.monostore.stock;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stock ({@code monostore.stock.*}).
 *
 * @param reservationHold {@code reservation-hold}: how long the units an order reserves when its payment
 *     is added stay reserved if the payment does not go to the gateway; after that they are free for
 *     other orders, and authorizing the payment reserves them again if they are still there
 * @param demoStock {@code demo-stock}: whether the store counts the stock of a few demo products on start
 *     ({@link DemoStock}), each once; false in production
 */
@ConfigurationProperties("monostore.stock")
@Validated
public record StockSettings(
    @DefaultValue("15m") @NotNull Duration reservationHold, @DefaultValue("true") boolean demoStock) {}
