package io.nodeplane.query.support;

import java.util.Locale;

/** User text inside SQL {@code LIKE} patterns: matched literally, case-insensitively. */
public final class Like {

    private Like() {
    }

    /** Escapes {@code \}, {@code %} and {@code _} so the text matches only itself. */
    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code %text%} for a lower-cased column. */
    public static String contains(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }
}
