package org.monostore.pricing;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shipping fee of each market ({@code monostore.shipping.*}), in the market's currency, in major
 * units with at most its decimals (49, 5.90); {@link ShippingFees} reads them and refuses a malformed
 * one naming it.
 *
 * @param fee {@code fee}: the flat fee per market, as MARKET:AMOUNT pairs; a market not listed ships free
 * @param freeOver {@code free-over}: per market, the goods' subtotal (before discounts) from which
 *     shipping is free, as MARKET:AMOUNT pairs; a market not listed always pays its fee
 */
@ConfigurationProperties("monostore.shipping")
@Validated
public record ShippingSettings(
    @DefaultValue("SE:49,NO:79,DK:39,FI:5.90") @NotNull String fee,
    @DefaultValue("SE:499,NO:799,DK:399,FI:59") @NotNull String freeOver) {}
