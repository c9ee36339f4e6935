package dev.jgi.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A sync application served through the async interface: each exchange runs on its own virtual
 * thread, which blocks on the channel's stages, so backpressure carries through [JGI-ADAPT-1].
 */
final class SyncOnAsync implements AsyncApplication {

    static final int CHUNK = 16 * 1024;
    /** A WebSocket handshake denied by a sync app is answered in memory; this caps that body. */
    private static final int MAX_DENY_BODY = 1024 * 1024;

    private final Application app;
    private volatile ServerInfo server;

    public SyncOnAsync(Application app) {
        this.app = app;
    }

    @Override
    public Map<String, Object> start(ServerInfo info) throws Exception {
        server = info;
        return app.start(info);
    }

    @Override
    public void stop() throws Exception {
        app.stop();
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("jgi-sync-on-async").start(() -> {
            try {
                run(request, channel);
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    private void run(Request request, Channel channel) throws Exception {
        ChannelExchange exchange = new ChannelExchange(
                channel, request.kind() == Request.Kind.WEBSOCKET, server, request.version(), request.bodyLength());
        Response response;
        try {
            response = app.handle(request.kind() == Request.Kind.WEBSOCKET ? asPlainHttp(request) : request, exchange);
        } catch (BodyTooLargeException tooLarge) {
            // As a server to the application, this adapter answers 413 itself [JGI-LIM-8].
            response = Response.text(413, "Content Too Large\n");
        }
        if (response == null) {
            throw new IllegalStateException("[JGI-APP-3] the application returned null");
        }
        if (request.kind() == Request.Kind.WEBSOCKET) {
            deny(channel, response);
            return;
        }
        ChannelOutput out = new ChannelOutput(channel);
        boolean trailers = response.trailers().isPresent() && trailersTravel(request, response.status());
        channel.send(new Action.ResponseStart(response.status(), response.headers(), trailers))
                .toCompletableFuture()
                .join();
        writeBody(response.body(), out);
        out.finish();
        if (trailers) {
            channel.send(new Action.ResponseTrailers(response.trailers().get().get()))
                    .toCompletableFuture()
                    .join();
        }
    }

    /**
     * The kernel's {@code TrailerFraming.travel}, restated because this module depends on the JDK
     * alone: where trailers cannot travel the supplier is never called [JGI-EXT-8].
     */
    private static boolean trailersTravel(Request request, int status) {
        return !request.version().equals("HTTP/1.0")
                && !request.method().equals("HEAD")
                && status != 204
                && status != 304;
    }

    /** [JGI-WS-11]: the sync application sees the handshake as the GET it is. */
    private static Request asPlainHttp(Request request) {
        return request.toBuilder().kind(Request.Kind.HTTP).build();
    }

    private static void deny(Channel channel, Response response) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream capped = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (bytes.size() + len > MAX_DENY_BODY) {
                    throw new IOException("a WebSocket deny body is limited to " + MAX_DENY_BODY + " bytes");
                }
                bytes.write(b, off, len);
            }
        };
        copyBody(response.body(), capped);
        channel.send(new Action.WebSocketDeny(
                        response.status(), response.headers(), ByteBuffer.wrap(bytes.toByteArray())))
                .toCompletableFuture()
                .join();
    }

    private void writeBody(Body body, ChannelOutput out) throws IOException {
        ServerInfo info = server;
        if (body instanceof Body.FileRegion file && info != null && info.supports(Capability.FILE_SENDING)) {
            out.flush();
            out.sendFile(file);
            return;
        }
        copyBody(body, out);
    }

    private static void copyBody(Body body, OutputStream out) throws IOException {
        switch (body) {
            case Body.Empty empty -> {}
            case Body.Bytes bytes -> {
                ByteBuffer data = bytes.data();
                byte[] copy = new byte[data.remaining()];
                data.get(copy);
                out.write(copy);
            }
            case Body.Text text -> out.write(text.text().getBytes(text.charset()));
            case Body.FileRegion file -> FileCopy.copy(file.path(), file.offset(), file.length(), out);
            case Body.Stream stream -> {
                try (InputStream in = stream.input()) {
                    in.transferTo(out);
                }
            }
            case Body.Writer writer -> writer.writeTo(out);
        }
    }

    /** Buffers writes into body actions; each send is awaited, which is the backpressure. */
    private static final class ChannelOutput extends OutputStream {
        private final Channel channel;
        private final byte[] buffer = new byte[CHUNK];
        private int count;

        ChannelOutput(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                flush();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == buffer.length) {
                    flush();
                }
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (count > 0) {
                send(new Action.ResponseBody(ByteBuffer.wrap(buffer.clone(), 0, count), true));
                count = 0;
            }
        }

        void sendFile(Body.FileRegion file) throws IOException {
            send(new Action.ResponseFile(file.path(), file.offset(), file.length(), true));
        }

        void finish() throws IOException {
            byte[] rest = java.util.Arrays.copyOf(buffer, count);
            count = 0;
            send(new Action.ResponseBody(ByteBuffer.wrap(rest), false));
        }

        private void send(Action action) throws IOException {
            ChannelExchange.await(channel.send(action));
        }
    }
}
