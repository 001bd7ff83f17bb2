package io.slotbeam.node.peer;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The other nodes this node fetches blocks from, by the base URL of their REST API ({@code
 * --peer URL} or added at run time), tried in the order they were added. Thread-safe.
 */
public final class Peers {
  private final List<URI> urls = new CopyOnWriteArrayList<>();

  /**
   * Adds a peer; adding one already known changes nothing.
   *
   * @throws IllegalArgumentException unless {@code url} is an absolute http(s) URL with a host
   */
  public void add(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("peer URL '" + url + "' is not a URL: " + e.getMessage(), e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "peer URL '" + url + "' must be an absolute http:// or https:// URL with a host");
    }
    URI base = URI.create(uri.toString().replaceAll("/+$", ""));
    if (!urls.contains(base)) {
      urls.add(base);
    }
  }

  public List<URI> list() {
    return List.copyOf(urls);
  }
}
