package io.slotbeam.node.rest;

/**
 * A request the node answers with {@code status} and the plain-text {@code message} (spec node
 * §2.1: error bodies are plain text, never JSON).
 */
final class HttpError extends RuntimeException {
  static final int BAD_REQUEST = 400;
  static final int NOT_FOUND = 404;
  static final int METHOD_NOT_ALLOWED = 405;
  static final int CONFLICT = 409;
  static final int PAYLOAD_TOO_LARGE = 413;
  static final int RANGE_NOT_SATISFIABLE = 416;
  static final int UNPROCESSABLE = 422;
  static final int INTERNAL_ERROR = 500;
  static final int BAD_GATEWAY = 502;
  static final int INSUFFICIENT_STORAGE = 507;

  private final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
