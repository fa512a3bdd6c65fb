package com.realestate.cache.test;

import java.util.Optional;

/** Reads harness settings from a system property or, failing that, an environment variable of the same name. */
final class Settings {

    private Settings() {
    }

    /** The non-blank value of {@code name}, system property first so a build can override the environment. */
    static Optional<String> lookup(String name) {
        return Optional.ofNullable(System.getProperty(name))
                .filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank()))
                .map(String::strip);
    }
}
