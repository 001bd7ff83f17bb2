package io.slotbeam.prover.hash;

import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.prover.bn254.NativeLibraryUnavailableException;
import io.slotbeam.prover.bn254.SlotbeamNative;
import java.util.List;

/**
 * Chooses a {@link BlockHasher}: {@code "java"} (core's reference, runs everywhere) or {@code
 * "native"} (libslotbeam). Slot building takes the result.
 */
public final class BlockHashers {
  /** The names {@link #named} accepts. */
  public static final List<String> NAMES = List.of("java", "native");

  private BlockHashers() {}

  /** The native hasher when libslotbeam loads, else {@link BlockHasher#java()}. */
  public static BlockHasher fastest() {
    return SlotbeamNative.isAvailable() ? NativeBlockHasher.load() : BlockHasher.java();
  }

  /**
   * The hasher called {@code name}; asking for {@code "native"} when the library does not load
   * throws {@link NativeLibraryUnavailableException} saying why.
   */
  public static BlockHasher named(String name) {
    return switch (name) {
      case "java" -> BlockHasher.java();
      case "native" -> NativeBlockHasher.load();
      default ->
          throw new IllegalArgumentException(
              "block hasher '" + name + "' is not one of " + NAMES);
    };
  }
}
