package com.realestate.cache.client;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.codec.ToByteBufEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;

/**
 * Keys as UTF-8 text and values as the bytes our codec made, both written straight into the command's buffer.
 * Lettuce's {@code RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)} is no {@link ToByteBufEncoder}, so
 * with it every key of every command was first encoded into a freshly allocated {@link ByteBuffer} of three bytes
 * per character.
 */
final class TextKeyCodec implements RedisCodec<String, byte[]>, ToByteBufEncoder<String, byte[]> {

    static final TextKeyCodec INSTANCE = new TextKeyCodec();

    private TextKeyCodec() {
    }

    @Override
    public void encodeKey(String key, ByteBuf target) {
        if (key != null) {
            ByteBufUtil.writeUtf8(target, key);
        }
    }

    @Override
    public void encodeValue(byte[] value, ByteBuf target) {
        if (value != null) {
            target.writeBytes(value);
        }
    }

    /** The exact number of bytes {@link #encodeKey(String, ByteBuf)} or {@link #encodeValue(byte[], ByteBuf)} writes. */
    @Override
    public int estimateSize(Object keyOrValue) {
        return switch (keyOrValue) {
            case null -> 0;
            case String key -> ByteBufUtil.utf8Bytes(key);
            case byte[] value -> value.length;
            default -> throw new IllegalArgumentException(
                    "keys are strings and values byte arrays, not " + keyOrValue.getClass().getName());
        };
    }

    /** Exact, so that Lettuce writes the length and then encodes in place instead of into a temporary buffer. */
    @Override
    public boolean isEstimateExact() {
        return true;
    }

    @Override
    public String decodeKey(ByteBuffer bytes) {
        return StringCodec.UTF8.decodeKey(bytes);
    }

    @Override
    public byte[] decodeValue(ByteBuffer bytes) {
        return ByteArrayCodec.INSTANCE.decodeValue(bytes);
    }

    @Override
    public ByteBuffer encodeKey(String key) {
        return StringCodec.UTF8.encodeKey(key);
    }

    @Override
    public ByteBuffer encodeValue(byte[] value) {
        return ByteArrayCodec.INSTANCE.encodeValue(value);
    }
}
