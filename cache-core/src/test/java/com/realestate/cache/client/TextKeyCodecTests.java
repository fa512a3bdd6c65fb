package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.lettuce.core.codec.ToByteBufEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextKeyCodecTests {

    private final TextKeyCodec codec = TextKeyCodec.INSTANCE;

    @ParameterizedTest
    @ValueSource(strings = {"realestate:{t1}:property:42", "t:{Zürich}:café", "t:{東京}:物件", "t:{x}:🏠", "a"})
    void writesKeysAsTheirUtf8BytesAndEstimatesTheirSizeExactly(String key) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        ByteBuf target = Unpooled.buffer();

        codec.encodeKey(key, target);

        assertThat(ByteBufUtil.getBytes(target)).isEqualTo(utf8);
        assertThat(codec.estimateSize(key)).isEqualTo(utf8.length);
        assertThat(codec.decodeKey(ByteBuffer.wrap(utf8))).isEqualTo(key);
        assertThat(codec.encodeKey(key)).isEqualTo(ByteBuffer.wrap(utf8));
    }

    @Test
    void writesValuesAsTheyAre() {
        byte[] value = {0, 1, (byte) 0xFF, '{', '}'};
        ByteBuf target = Unpooled.buffer();

        codec.encodeValue(value, target);

        assertThat(ByteBufUtil.getBytes(target)).isEqualTo(value);
        assertThat(codec.estimateSize(value)).isEqualTo(value.length);
        assertThat(codec.decodeValue(ByteBuffer.wrap(value))).isEqualTo(value);
    }

    @Test
    void encodesInPlaceRatherThanThroughATemporaryBuffer() {
        assertThat(codec).isInstanceOf(ToByteBufEncoder.class);
        assertThat(codec.isEstimateExact()).isTrue();
    }

    @Test
    void refusesToEstimateWhatIsNeitherKeyNorValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> codec.estimateSize(42L))
                .withMessageContaining("java.lang.Long");
        assertThat(codec.estimateSize(null)).isZero();
    }
}
