package com.realestate.benchmarks.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses off a keep-alive connection, one after the other, and skips their bodies: enough of the
 * protocol for a load generator (status line, {@code Content-Length}, {@code Transfer-Encoding: chunked},
 * {@code Connection: close}, bodiless statuses), with one reusable buffer and no allocation per response.
 */
final class HttpResponseReader {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] line = new byte[MAX_LINE];
    private int position;
    private int limit;

    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next response whole.
     *
     * @throws EOFException when the server closed the connection before a complete response
     * @throws IOException  on a socket error or a response that is not HTTP/1.x
     */
    HttpResponse read() throws IOException {
        int length = readLine();
        if (length < 12 || !startsWith(length, "http/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + new String(line, 0, Math.min(length, 80),
                    StandardCharsets.ISO_8859_1));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        boolean keepAlive = line[7] == '1';
        long contentLength = -1;
        boolean chunked = false;
        while ((length = readLine()) > 0) {
            if (startsWith(length, "content-length:")) {
                contentLength = parseDecimal(length, "content-length:".length());
            } else if (startsWith(length, "transfer-encoding:")) {
                chunked = contains(length, "chunked");
            } else if (startsWith(length, "connection:")) {
                if (contains(length, "close")) {
                    keepAlive = false;
                } else if (contains(length, "keep-alive")) {
                    keepAlive = true;
                }
            }
        }
        long body;
        if (status < 200 || status == 204 || status == 304) {
            body = 0;
        } else if (chunked) {
            body = skipChunks();
        } else if (contentLength >= 0) {
            skip(contentLength);
            body = contentLength;
        } else {
            body = skipToEnd();
            keepAlive = false;
        }
        return new HttpResponse(status, body, keepAlive);
    }

    private long skipChunks() throws IOException {
        long total = 0;
        while (true) {
            int length = readLine();
            long size = 0;
            for (int i = 0; i < length && line[i] != ';' && line[i] != ' '; i++) {
                int digit = Character.digit(line[i], 16);
                if (digit < 0) {
                    throw new IOException("malformed chunk size");
                }
                size = size * 16 + digit;
            }
            if (size == 0) {
                while (readLine() > 0) {
                    // trailer fields are skipped
                }
                return total;
            }
            skip(size);
            total += size;
            if (readLine() != 0) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private long skipToEnd() throws IOException {
        long total = limit - position;
        position = limit;
        int read;
        while ((read = in.read(buffer, 0, buffer.length)) > 0) {
            total += read;
        }
        return total;
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int step = (int) Math.min(left, limit - position);
            position += step;
            left -= step;
        }
    }

    /** Reads one line without its CRLF into {@link #line} and returns its length. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            }
            if (length == MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
            line[length++] = b;
        }
    }

    private void fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            throw new EOFException("connection closed by the server");
        }
        position = 0;
        limit = read;
    }

    private boolean startsWith(int length, String lowerCasePrefix) {
        if (length < lowerCasePrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length(); i++) {
            if (Character.toLowerCase((char) line[i]) != lowerCasePrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int length, String lowerCaseWord) {
        outer:
        for (int start = 0; start + lowerCaseWord.length() <= length; start++) {
            for (int i = 0; i < lowerCaseWord.length(); i++) {
                if (Character.toLowerCase((char) line[start + i]) != lowerCaseWord.charAt(i)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private long parseDecimal(int length, int from) throws IOException {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < length; i++) {
            byte b = line[i];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
                digits = true;
            } else if (b != ' ' && b != '\t') {
                throw new IOException("malformed Content-Length");
            }
        }
        if (!digits) {
            throw new IOException("empty Content-Length");
        }
        return value;
    }
}
