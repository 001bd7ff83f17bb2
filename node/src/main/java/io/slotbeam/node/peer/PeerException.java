package io.slotbeam.node.peer;

import java.io.IOException;

/**
 * No peer could provide what was asked, or a peer sent something that fails verification (bytes
 * that do not hash to their CID, a proof that does not lead to the tree root). The REST API
 * answers it with 502 Bad Gateway: neither the client's mistake nor this node's.
 */
public final class PeerException extends IOException {
  public PeerException(String message) {
    super(message);
  }

  public PeerException(String message, Throwable cause) {
    super(message, cause);
  }
}
