package com.realestate.benchmarks.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * One keep-alive HTTP/1.1 connection on a plain socket, used by one thread: writes a request, reads the response
 * whole, and reopens itself when the server closed it. Far lighter per request than the JDK's HttpClient, so that
 * the generator's own cost stays small next to the server's.
 */
final class HttpConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private Socket socket;
    private OutputStream out;
    private HttpResponseReader reader;

    HttpConnection(InetSocketAddress address, Duration timeout) {
        this.address = address;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    /**
     * Sends one request (complete, with its blank line) and reads its response.
     *
     * @throws IOException when the socket fails; the connection is closed and the next call reconnects
     */
    HttpResponse exchange(byte[] request) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            out.write(request);
            out.flush();
            HttpResponse response = reader.read();
            if (!response.keepAlive()) {
                close();
            }
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout(timeoutMillis);
            opened.connect(address, timeoutMillis);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        out = new BufferedOutputStream(opened.getOutputStream(), 8 * 1024);
        reader = new HttpResponseReader(opened.getInputStream());
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken socket has nothing left to tell
            }
            socket = null;
        }
    }
}
