package com.realestate.cache.client;

import java.util.Locale;

/** The Redis commands the client sends, each timed under its own {@code operation} tag. */
enum Operation {
    GET, SET, DELETE, EXISTS, TTL, INCR, SCAN, UNLINK, SCRIPT, STREAM;

    final String tag = name().toLowerCase(Locale.ROOT);
}
