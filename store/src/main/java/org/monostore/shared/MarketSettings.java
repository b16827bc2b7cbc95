package org.monostore.shared;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The markets the shop sells in ({@code monostore.markets}, {@code monostore.default-market});
 * {@link Markets} reads them and refuses a malformed one naming it.
 *
 * @param markets {@code markets}: the markets as CODE:CURRENCY pairs (ISO 3166-1 alpha-2 : ISO 4217)
 * @param defaultMarket {@code default-market}: the market of a cart created without one, and of a
 *     product lookup that names none; one of the markets
 */
@ConfigurationProperties("monostore")
@Validated
public record MarketSettings(
    @DefaultValue("SE:SEK,NO:NOK,DK:DKK,FI:EUR") @NotBlank String markets,
    @DefaultValue("SE") @NotBlank String defaultMarket) {}
