package org.monostore.promotion;

/**
 * What an order took of one promotion: with which code ({@code null} for an automatic promotion) and
 * how much it took off, in minor units, which is what the order's use counts against a budget.
 */
public record Redemption(String promotionId, String code, long amount) {}
