package com.realestate.cache.client;

/**
 * A stored payload that cannot be decoded (a damaged compressed frame, an unknown encoding): read like any other
 * corrupt value, as a counted miss. It extends {@link IllegalStateException} because that is what the read path
 * already treats as a value it cannot use.
 */
final class CorruptPayloadException extends IllegalStateException {

    CorruptPayloadException(String message) {
        super(message);
    }
}
