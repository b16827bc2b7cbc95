package org.monostore.cart;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The carts' limits ({@code monostore.cart.*}).
 *
 * @param maxQuantityPerLine {@code max-quantity-per-line}: the most of one product a cart line may hold
 * @param maxLines {@code max-lines}: the most lines one cart may hold
 * @param idempotencyKeys {@code idempotency-keys}: a cart remembers the Idempotency-Keys of its last
 *     this many keyed writes (and order creations)
 * @param idempotencyWindow {@code idempotency-window}: and each for this long after it was first used
 * @param snapshotEvery {@code snapshot-every}: a cart writes a snapshot every this many events, so waking
 *     it replays at most that many
 */
@ConfigurationProperties("monostore.cart")
@Validated
public record CartSettings(
    @DefaultValue("99") @Positive int maxQuantityPerLine,
    @DefaultValue("100") @Positive int maxLines,
    @DefaultValue("50") @Positive int idempotencyKeys,
    @DefaultValue("24h") @DurationMin(seconds = 1, message = "must be at least 1s") Duration idempotencyWindow,
    @DefaultValue("100") @Positive int snapshotEvery) {}
