package com.realestate.cache.client;

/** Orders Redis Stream ids ({@code <millis>-<sequence>}), which do not sort as text. */
final class StreamIds {

    private StreamIds() {
    }

    static int compare(String left, String right) {
        long[] a = parse(left);
        long[] b = parse(right);
        int byTime = Long.compare(a[0], b[0]);
        return byTime != 0 ? byTime : Long.compare(a[1], b[1]);
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return new long[] {Long.parseLong(id), 0};
        }
        return new long[] {Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
    }
}
