package prodbridge.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy on 127.0.0.1 that answers every request with 502 and remembers its first line ({@code GET
 * http://...} or {@code CONNECT host:443}): given to a browser as its proxy, it shows every request
 * a page made, and lets none of them out.
 */
public final class RequestRecorder implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public RequestRecorder() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "request-recorder");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /**
   * Chromium's own calls to Google's services, made whatever page it shows (updates, network time,
   * sign-in; Debian's build makes them despite the flags that should stop them), seen on every run
   * of an empty page.
   */
  public static final List<String> BROWSER_OWN_HOSTS =
      List.of(
          "update.googleapis.com",
          "accounts.google.com",
          "clients2.google.com",
          "redirector.gvt1.com");

  /** The first line of every request seen so far. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The requests to any host but the browser's own services: what a page asked for. */
  public List<String> pageRequests() {
    return requests.stream()
        .filter(r -> BROWSER_OWN_HOSTS.stream().noneMatch(h -> host(r).equals(h)))
        .toList();
  }

  /** The host of {@code CONNECT host:443 ...} or {@code GET http://host/... ...}. */
  static String host(String requestLine) {
    String[] parts = requestLine.split(" ");
    if (parts.length < 2) {
      return requestLine;
    }
    String target = parts[1].replaceFirst("^[a-z]+://", "");
    return target.replaceFirst("[:/].*$", "");
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(5000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String first = in.readLine();
        requests.add(first == null ? "(empty request)" : first);
        OutputStream out = s.getOutputStream();
        out.write(
            "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // closed, or a client that went away: keep listening until closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
