package io.avreplay.scenario.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the viewer on the loopback interface only (127.0.0.1): {@code /} (also {@code /view.html}) the page,
 * {@code /data.json} the data, {@code /image/N} the camera images. Only GET and HEAD; requests whose
 * {@code Host} is not this loopback address are refused (a guard against DNS rebinding). Everything is
 * built before the server starts and held in memory. Thread-safe; {@link #close()} stops it.
 */
public final class ViewServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] page;
    private final byte[] data;
    private final ViewModel model;

    ViewServer(ViewModel model, int port) {
        this.model = model;
        this.page = ViewPage.served(model).getBytes(StandardCharsets.UTF_8);
        this.data = ViewPage.servedData(model);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "avreplay-view-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the port listened on (useful when 0 was asked for) */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the page's address, e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String host = ex.getRequestHeaders().getFirst("Host");
            if (host == null || !Set.of("127.0.0.1:" + port(), "localhost:" + port()).contains(host)) {
                send(ex, 403, "text/plain", "forbidden host\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/") || path.equals("/view.html") || path.equals("/index.html")) {
                send(ex, 200, "text/html; charset=utf-8", page);
            } else if (path.equals("/data.json")) {
                send(ex, 200, "application/json", data);
            } else if (path.startsWith("/image/") && path.substring(7).matches("[0-9]{1,9}")
                    && Integer.parseInt(path.substring(7)) < model.images().size()) {
                ViewModel.Image im = model.images().get(Integer.parseInt(path.substring(7)));
                send(ex, 200, im.mimeType(), im.bytes());
            } else {
                send(ex, 404, "text/plain", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops listening and ends the server's threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
