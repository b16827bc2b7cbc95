package org.monostore.promotion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Promotions ({@code monostore.promotion.*}).
 *
 * @param demoPromotions {@code demo-promotions}: whether the store defines its demo promotions (a few per
 *     market, {@link DemoPromotions}) on start when they are not defined yet; false in production
 */
@ConfigurationProperties("monostore.promotion")
public record PromotionSettings(@DefaultValue("true") boolean demoPromotions) {}
