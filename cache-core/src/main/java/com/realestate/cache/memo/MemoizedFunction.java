package com.realestate.cache.memo;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A one-argument function whose results are cached; a drop-in {@link Function}. A {@code null} result means
 * "absent" and is returned as {@code null}.
 */
public final class MemoizedFunction<A, R> implements Function<A, R> {

    private final Memoizer.Calls<R> calls;
    private final Function<? super A, ? extends R> function;

    MemoizedFunction(Memoizer.Calls<R> calls, Function<? super A, ? extends R> function) {
        this.calls = calls;
        this.function = function;
    }

    @Override
    public R apply(A argument) {
        return calls.call(Arrays.asList(argument), () -> function.apply(argument));
    }

    /** Forgets the result for {@code argument}; a load of it already running cannot store its result. */
    public void clear(A argument) {
        calls.clear(Arrays.asList(argument));
    }

    /** Forgets every result of this memoizer. */
    public void clear() {
        calls.clearAll();
    }
}
