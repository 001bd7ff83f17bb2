package io.slotbeam.node.rest;

import com.google.common.io.ByteStreams;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.slotbeam.core.block.EmptyDatasetException;
import io.slotbeam.core.cid.InvalidCidException;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.node.peer.PeerException;
import io.slotbeam.node.repo.BlockInUseException;
import io.slotbeam.node.repo.QuotaExceededException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Dispatches requests under nim-codex's base path {@code /api/codex/v1} (spec node §2.1) to the
 * route whose method and path template match, and turns failures into plain-text answers: bad
 * client input into the 4xx nim-codex gives (an unparsable CID is 400 {@code Incorrect Cid}), a
 * full repository into 507, and only the node's own failures into 500.
 */
final class Router implements HttpHandler {
  static final String BASE = "/api/codex/v1/";
  private static final long DRAIN_LIMIT = 64L << 20;
  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  /** Handles one request; {@code params} are the path segments matched by {@code {…}}. */
  interface Handler {
    void handle(HttpExchange exchange, List<String> params) throws IOException;
  }

  private record Route(String method, String[] template, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  /** Adds a route, e.g. {@code on("GET", "data/{cid}/exists", …)}. */
  Router on(String method, String template, Handler handler) {
    routes.add(new Route(method, template.split("/"), handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      dispatch(exchange);
    } catch (HttpError e) {
      fail(exchange, e.status(), e.getMessage(), e);
    } catch (InvalidCidException e) {
      fail(exchange, HttpError.BAD_REQUEST, "Incorrect Cid", e);
    } catch (QuotaExceededException e) {
      fail(exchange, HttpError.INSUFFICIENT_STORAGE, e.getMessage(), e);
    } catch (BlockInUseException e) {
      // nim-codex answers 500; refusing a request is the client's business, so 409.
      fail(exchange, HttpError.CONFLICT, e.getMessage(), e);
    } catch (EmptyDatasetException e) {
      fail(exchange, HttpError.UNPROCESSABLE, e.getMessage(), e);
    } catch (InvalidManifestException e) {
      fail(exchange, HttpError.NOT_FOUND, e.getMessage(), e);
    } catch (PeerException e) {
      fail(exchange, HttpError.BAD_GATEWAY, e.getMessage(), e);
    } catch (IOException | RuntimeException e) { // a corrupt block here too: the node's fault
      LOG.log(Level.WARNING, "request " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed", e);
      fail(exchange, HttpError.INTERNAL_ERROR, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
    exchange.close();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (!path.startsWith(BASE)) {
      throw new HttpError(HttpError.NOT_FOUND, "no such route: " + path);
    }
    String[] segments = path.substring(BASE.length()).split("/", -1);
    boolean pathMatched = false;
    for (Route route : routes) {
      List<String> params = match(route.template(), segments);
      if (params != null) {
        pathMatched = true;
        if (route.method().equals(exchange.getRequestMethod())) {
          route.handler().handle(exchange, params);
          return;
        }
      }
    }
    if (pathMatched) {
      throw new HttpError(HttpError.METHOD_NOT_ALLOWED, "method " + exchange.getRequestMethod() + " is not allowed on " + path);
    }
    throw new HttpError(HttpError.NOT_FOUND, "no such route: " + path);
  }

  private static List<String> match(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return null;
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < template.length; i++) {
      if (template[i].startsWith("{")) {
        params.add(URLDecoder.decode(segments[i], StandardCharsets.UTF_8));
      } else if (!template[i].equals(segments[i])) {
        return null;
      }
    }
    return params;
  }

  /**
   * Answers {@code status} with {@code message} as plain text, unless the answer has already
   * begun: then the failure is rethrown, on which the JDK server closes the connection mid-body,
   * and the client sees a truncated transfer rather than a short one that looks complete.
   */
  private static void fail(HttpExchange exchange, int status, String message, Exception cause)
      throws IOException {
    if (exchange.getResponseCode() != -1) {
      throw new IOException("the answer to " + exchange.getRequestURI() + " broke off: " + message, cause);
    }
    drain(exchange);
    Replies.text(exchange, status, message);
  }

  /**
   * Reads and drops what is left of a refused request's body, up to {@link #DRAIN_LIMIT}: a
   * server that closes a connection with unread bytes in it resets it, and the client would lose
   * the answer. Beyond the limit the connection is closed after the answer.
   */
  private static void drain(HttpExchange exchange) {
    try {
      ByteStreams.limit(exchange.getRequestBody(), DRAIN_LIMIT).transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the client has gone; the answer will not reach it either
    }
  }
}
