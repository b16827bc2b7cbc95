/** The products and their prices per market, looked up through the sharded Product entities. */
@OwnsTables({"products", "product_prices"})
package org.monostore.catalog;

import org.monostore.platform.OwnsTables;
