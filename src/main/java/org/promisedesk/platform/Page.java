package org.promisedesk.platform;

import java.util.List;

/** One page of a list; {@code total} counts all matching items. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
