/**
 * Stock: how many of each product the shop has, as one sharded entity per SKU that reserves units for
 * orders as their payment is added and commits them when their parcel ships ({@link
 * org.monostore.stock.Stock}). One pool per SKU, shared by every market.
 */
@OwnsTables({})
package org.monostore.stock;

import org.monostore.platform.OwnsTables;
