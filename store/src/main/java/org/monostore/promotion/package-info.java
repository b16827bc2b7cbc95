/**
 * Promotions: their definitions as sharded entities, every node's copy of the live ones, and the pure
 * engine that prices a cart with them ({@link org.monostore.promotion.PromotionEngine}).
 */
package org.monostore.promotion;
