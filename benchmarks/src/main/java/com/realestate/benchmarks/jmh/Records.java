package com.realestate.benchmarks.jmh;

import com.realestate.benchmarks.data.Properties;
import com.realestate.benchmarks.data.Property;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Which of the {@value #COUNT} stored records a thread reads next: each peer stores the same records under the
 * same ids, and every thread walks through all of them, so no peer is measured on one hot key alone.
 */
@State(Scope.Thread)
public class Records {

    public static final int COUNT = 1024;
    public static final String TENANT = "tenant-1";

    private static final Property[] RECORDS = new Property[COUNT];
    /** Keys are made once, so that no benchmark measures string concatenation. */
    private static final String[] KEYS = new String[COUNT];
    private static final String[] BARE_KEYS = new String[COUNT];

    static {
        for (int i = 0; i < COUNT; i++) {
            RECORDS[i] = Properties.sample(TENANT, i);
            KEYS[i] = "property:" + i;
            BARE_KEYS[i] = "bare:property:" + i;
        }
    }

    private int next;

    /** The index of the record to read in this invocation. */
    public int next() {
        next = (next + 1) & (COUNT - 1);
        return next;
    }

    public static Property record(int index) {
        return RECORDS[index];
    }

    public static String key(int index) {
        return KEYS[index];
    }

    /** The key under which bare Lettuce stores record {@code index}, apart from everyone else's. */
    public static String bareKey(int index) {
        return BARE_KEYS[index];
    }
}
