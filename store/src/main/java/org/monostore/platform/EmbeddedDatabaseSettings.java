package org.monostore.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PostgreSQL the store runs itself when no {@code spring.datasource.url} is given
 * ({@code monostore.embedded-database.*}); read by {@link EmbeddedDatabase} before any bean exists.
 *
 * @param directory {@code directory}: where it keeps its data, relative to the working directory
 * @param port {@code port}: its port; 0 picks a free one at every start
 */
@ConfigurationProperties("monostore.embedded-database")
@Validated
public record EmbeddedDatabaseSettings(
    @DefaultValue(".data/postgres") @NotBlank String directory,
    @DefaultValue("0") @PositiveOrZero @Max(65535) int port) {}
