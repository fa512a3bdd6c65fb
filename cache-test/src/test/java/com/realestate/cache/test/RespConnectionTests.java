package com.realestate.cache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespConnectionTests {

    @Test
    void encodesCommandsAsArraysOfBulkStrings() {
        assertThat(new String(RespConnection.encode("SET", "k\u00e9y", ""), StandardCharsets.UTF_8))
                .isEqualTo("*3\r\n$3\r\nSET\r\n$4\r\nk\u00e9y\r\n$0\r\n\r\n");
    }

    @Test
    void decodesEveryRespTwoType() throws IOException {
        assertThat(read("+OK\r\n")).isEqualTo("OK");
        assertThat(read(":42\r\n")).isEqualTo(42L);
        assertThat(read("$5\r\nhe\r\no\r\n")).isEqualTo("he\r\no");
        assertThat(read("$-1\r\n")).isNull();
        assertThat(read("*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$-1\r\n"))
                .isEqualTo(List.of("0", Arrays.asList("a", null)));
        assertThat(read("-ERR nope\r\n")).isEqualTo(new RespConnection.RespError("ERR nope"));
    }

    @Test
    void rendersArraysOneElementPerLine() throws IOException {
        assertThat(RespConnection.render(read("*3\r\n:1\r\n$-1\r\n*1\r\n+x\r\n"))).isEqualTo("1\n\nx");
        assertThat(RespConnection.render(null)).isNull();
    }

    @Test
    void truncatedReplyIsAnEofNotAHang() {
        assertThatThrownBy(() -> read("$10\r\nabc")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(EOFException.class);
    }

    private static Object read(String wire) throws IOException {
        return RespConnection.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }
}
