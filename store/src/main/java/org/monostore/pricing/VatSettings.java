package org.monostore.pricing;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The VAT rates ({@code monostore.vat.*}), in percent with at most two decimals; {@link VatRates} reads
 * them and refuses a malformed one naming it.
 *
 * @param standard {@code standard}: the standard rate per market, as MARKET:RATE pairs. The defaults are
 *     the demo markets' rates as of 2026; check the law before selling for real
 * @param reduced {@code reduced}: reduced rates per market and catalog category, as MARKET/CATEGORY:RATE
 *     pairs; a category not listed pays the market's standard rate
 */
@ConfigurationProperties("monostore.vat")
@Validated
public record VatSettings(
    @DefaultValue("SE:25,NO:25,DK:25,FI:25.5") @NotNull String standard,
    @DefaultValue("SE/Grocery:6,SE/Books:6,NO/Grocery:15,NO/Books:0,FI/Grocery:13.5,FI/Books:14") @NotNull
        String reduced) {}
