package com.realestate.cache.client;

/**
 * What became of a delete: a key that was removed, a key that was already gone (both are done), or a
 * delete that could not be carried out and must not be mistaken for one that was.
 */
public enum DeleteOutcome {
    /** The key existed and was removed. */
    DELETED,
    /** There was no such key: nothing left to remove. */
    ABSENT,
    /** Redis was unreachable, too slow or the breaker was open: the key may still be there. */
    FAILED;

    /** {@code true} when the key is known to be gone. */
    public boolean done() {
        return this != FAILED;
    }
}
