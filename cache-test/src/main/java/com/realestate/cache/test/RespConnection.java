package com.realestate.cache.test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A minimal RESP2 client over a plain socket, so the harness can talk to any redis-server
 * without depending on (or interfering with) the Redis client library under test.
 *
 * <p>Replies are decoded as {@link String} (simple and bulk strings), {@link Long} (integers),
 * {@link List} (arrays), {@code null} (nil) or {@link RespError} (errors nested in arrays).
 */
final class RespConnection implements AutoCloseable {

    /** Default connect and read timeout for one-shot commands. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** An error reply; only returned when nested in an array, top-level errors are thrown. */
    record RespError(String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static RespConnection open(String host, int port, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            return new RespConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects, authenticates and selects the endpoint's database. */
    static RespConnection open(RedisEndpoint endpoint, Duration timeout) throws IOException {
        RespConnection connection = open(endpoint.host(), endpoint.port(), timeout, timeout);
        try {
            if (endpoint.password() != null) {
                if (endpoint.username() != null) {
                    connection.send("AUTH", endpoint.username(), endpoint.password());
                } else {
                    connection.send("AUTH", endpoint.password());
                }
            }
            if (endpoint.database() != 0) {
                connection.send("SELECT", Integer.toString(endpoint.database()));
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs one command on a fresh connection and renders the reply; I/O failures become unchecked. */
    static String oneShot(RedisEndpoint endpoint, String... args) {
        requireCommand(args);
        try (RespConnection connection = open(endpoint, DEFAULT_TIMEOUT)) {
            return connection.command(args);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not run " + args[0] + " against " + endpoint.redactedUri() + ": " + e, e);
        }
    }

    /**
     * Sends one command and returns the decoded reply.
     *
     * @throws IllegalStateException if Redis answers with an error
     */
    Object send(String... args) throws IOException {
        requireCommand(args);
        out.write(encode(args));
        out.flush();
        Object reply = read(in);
        if (reply instanceof RespError(String message)) {
            throw new IllegalStateException("Redis answered " + args[0] + " with an error: " + message);
        }
        return reply;
    }

    /** Sends one command and returns the reply rendered by {@link #render(Object)}. */
    String command(String... args) throws IOException {
        return render(send(args));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static byte[] encode(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writeAscii(buffer, "*" + args.length + "\r\n");
        for (String arg : args) {
            byte[] bytes = Objects.requireNonNull(arg, "command arguments must not be null")
                    .getBytes(StandardCharsets.UTF_8);
            writeAscii(buffer, "$" + bytes.length + "\r\n");
            buffer.writeBytes(bytes);
            writeAscii(buffer, "\r\n");
        }
        return buffer.toByteArray();
    }

    static Object read(InputStream in) throws IOException {
        int type = in.read();
        if (type == -1) {
            throw new EOFException("Connection closed by Redis before a reply arrived");
        }
        String line = readLine(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> new RespError(line);
            case ':' -> Long.parseLong(line);
            case '$' -> readBulk(in, Integer.parseInt(line));
            case '*' -> readArray(in, Integer.parseInt(line));
            default -> throw new ProtocolException("Unexpected RESP type '" + (char) type + "' followed by: " + line);
        };
    }

    /** Renders a reply as text: scalars as-is, nil as {@code null} (empty inside arrays), arrays joined by newlines. */
    static String render(Object reply) {
        if (reply instanceof List<?> elements) {
            return elements.stream()
                    .map(element -> Objects.requireNonNullElse(render(element), ""))
                    .collect(Collectors.joining("\n"));
        }
        return reply == null ? null : reply.toString();
    }

    private static void requireCommand(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("A Redis command needs at least a command name");
        }
    }

    private static String readBulk(InputStream in, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("Connection closed in the middle of a bulk string");
        }
        expectCrlf(in);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<Object> readArray(InputStream in, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(read(in));
        }
        return elements;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b == -1) {
                throw new EOFException("Connection closed in the middle of a reply line");
            }
            line.write(b);
        }
        if (in.read() != '\n') {
            throw new ProtocolException("Reply line not terminated by CRLF");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void expectCrlf(InputStream in) throws IOException {
        if (in.read() != '\r' || in.read() != '\n') {
            throw new ProtocolException("Bulk string not terminated by CRLF");
        }
    }

    private static void writeAscii(ByteArrayOutputStream buffer, String text) {
        buffer.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
