package org.monostore.promotion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Promotions ({@code monostore.promotion.*}).
 *
 * @param demoPromotions {@code demo-promotions}: whether the store defines its demo promotions (a few per
 *     market, {@link DemoPromotions}) on start when they are not defined yet; false in production
 * @param reservedUseCheck {@code reserved-use-check}: how long a use may stay reserved before its
 *     promotion or code asks the order what became of it ({@link OrderOutcomes}), and how often an
 *     awake promotion or code looks; longer than a payment's authorization takes
 */
@ConfigurationProperties("monostore.promotion")
public record PromotionSettings(
    @DefaultValue("true") boolean demoPromotions, @DefaultValue("10m") Duration reservedUseCheck) {}
