package com.realestate.cache.memo;

import java.util.Arrays;
import java.util.function.BiFunction;

/** A two-argument function whose results are cached; a drop-in {@link BiFunction}. */
public final class MemoizedBiFunction<A, B, R> implements BiFunction<A, B, R> {

    private final Memoizer.Calls<R> calls;
    private final BiFunction<? super A, ? super B, ? extends R> function;

    MemoizedBiFunction(Memoizer.Calls<R> calls, BiFunction<? super A, ? super B, ? extends R> function) {
        this.calls = calls;
        this.function = function;
    }

    @Override
    public R apply(A first, B second) {
        return calls.call(Arrays.asList(first, second), () -> function.apply(first, second));
    }

    /** Forgets the result for these arguments; a load of it already running cannot store its result. */
    public void clear(A first, B second) {
        calls.clear(Arrays.asList(first, second));
    }

    /** Forgets every result of this memoizer. */
    public void clear() {
        calls.clearAll();
    }
}
