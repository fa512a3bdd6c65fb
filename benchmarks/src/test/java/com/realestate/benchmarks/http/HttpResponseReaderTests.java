package com.realestate.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP reading, against a tiny local server (the JDK's) and against bytes on the wire. */
class HttpResponseReaderTests {

    private static final String BODY = "{\"id\":\"p1\",\"city\":\"Lisbon\"}";

    private HttpServer server;
    private HttpConnection connection;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(BODY.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/no-content", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
        connection = new HttpConnection(server.getAddress(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        connection.close();
        server.stop(0);
    }

    private byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsAFixedLengthBodyAndKeepsTheConnection() throws IOException {
        HttpResponse response = connection.exchange(get("/fixed"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyBytes()).isEqualTo(BODY.length());
        assertThat(response.keepAlive()).isTrue();
    }

    @Test
    void readsAChunkedBodyWhole() throws IOException {
        HttpResponse response = connection.exchange(get("/chunked"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyBytes()).isEqualTo(50L * BODY.length());
    }

    @Test
    void readsManyResponsesInARowOnOneConnection() throws IOException {
        for (int i = 0; i < 100; i++) {
            String path = switch (i % 4) {
                case 0 -> "/fixed";
                case 1 -> "/chunked";
                case 2 -> "/missing";
                default -> "/no-content";
            };
            HttpResponse response = connection.exchange(get(path));
            int expected = switch (i % 4) {
                case 2 -> 404;
                case 3 -> 204;
                default -> 200;
            };
            assertThat(response.status()).as("request %d to %s", i, path).isEqualTo(expected);
        }
    }

    @Test
    void tellsANon2xxStatusFromSuccess() throws IOException {
        HttpResponse response = connection.exchange(get("/missing"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.successful()).isFalse();
    }

    @Test
    void reconnectsAfterTheServerAskedToClose() throws IOException {
        HttpResponse closing = connection.exchange(get("/closing"));
        HttpResponse next = connection.exchange(get("/fixed"));

        assertThat(closing.keepAlive()).isFalse();
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void readsChunkExtensionsTrailersAndMixedCaseHeaders() throws IOException {
        String wire = "HTTP/1.1 201 Created\r\nTRANSFER-ENCODING: Chunked\r\nX-Other: 1\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ncontent-length: 3\r\nConnection: close\r\n\r\nabc";
        HttpResponseReader reader = new HttpResponseReader(
                new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII)));

        assertThat(reader.read()).isEqualTo(new HttpResponse(201, 11, true));
        assertThat(reader.read()).isEqualTo(new HttpResponse(200, 3, false));
    }

    @Test
    void aConnectionClosedMidResponseIsAnError() {
        HttpResponseReader reader = new HttpResponseReader(new ByteArrayInputStream(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII)));

        assertThatExceptionOfType(EOFException.class).isThrownBy(reader::read);
    }

    @Test
    void somethingThatIsNotHttpIsAnError() {
        HttpResponseReader reader = new HttpResponseReader(new ByteArrayInputStream(
                "+PONG\r\n".getBytes(StandardCharsets.US_ASCII)));

        assertThatExceptionOfType(IOException.class).isThrownBy(reader::read).withMessageContaining("status line");
    }
}
