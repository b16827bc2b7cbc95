package org.monostore.catalog;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog ({@code monostore.catalog.*}).
 *
 * @param demoProducts {@code demo-products}: how many demo products an empty catalog gets on start; 0
 *     loads none (production)
 */
@ConfigurationProperties("monostore.catalog")
@Validated
public record CatalogSettings(@DefaultValue("3000") @PositiveOrZero int demoProducts) {}
