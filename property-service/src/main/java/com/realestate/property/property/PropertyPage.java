package com.realestate.property.property;

import java.util.List;

/**
 * One page of the property list.
 *
 * @param items the properties of the page, in the requested order
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param total how many properties match the filters across all pages
 */
public record PropertyPage(List<Property> items, int page, int size, long total) {

    /** Copies the items and checks the numbers. */
    public PropertyPage {
        items = List.copyOf(items);
        if (page < 0 || size < 1 || total < 0) {
            throw new IllegalArgumentException("page, size and total out of range: " + page + ", " + size + ", "
                    + total);
        }
    }
}
