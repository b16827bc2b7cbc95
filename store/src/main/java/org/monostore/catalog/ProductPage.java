package org.monostore.catalog;

import java.util.List;

/** One page of a product listing; {@code page} counts from 0. */
record ProductPage(List<ProductView> items, int page, int size, long total) {}
