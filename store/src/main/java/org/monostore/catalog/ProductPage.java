package org.monostore.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a product listing; {@code page} counts from 0. */
@Schema(description = "One page of products")
record ProductPage(
    List<ProductView> items,
    @Schema(description = "The page number, from 0") int page,
    @Schema(description = "Products per page") int size,
    @Schema(description = "How many products match, on all pages") long total) {}
