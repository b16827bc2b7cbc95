-- The listing's category filter matches in any case ("kitchen" finds Kitchen): the index that serves
-- it and its name order, on the category as the filter compares it.
CREATE INDEX products_category_any_case_name_idx ON products (lower(category), name, sku);
