package io.slotbeam.node.sales;

/** A slot could not be downloaded or is not what its manifest says (spec node §7.5 onStore). */
public final class SlotDownloadException extends IllegalStateException {
  public SlotDownloadException(String message) {
    super(message);
  }
}
