package io.slotbeam.prover.bn254;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.Poseidon2Parameters;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads libslotbeam once per JVM: JNA looks in {@code jna.library.path} (the build's {@code
 * target/native} in tests), then the system library path, then on the classpath at {@code
 * linux-x86-64/libslotbeam.so} (inside the prover-native jar). After loading it checks the API
 * version and hands over core's Poseidon2 parameters ({@link Poseidon2Parameters}), so the
 * round constants exist once, in core.
 */
public final class SlotbeamNative {
  /** The {@code sb_api_version()} this binding was written for. */
  public static final int API_VERSION = 2;

  private static final String LIBRARY_NAME = "slotbeam";

  private SlotbeamNative() {}

  private static final class Holder {
    static final SlotbeamLibrary LIBRARY;
    static final NativeLibraryUnavailableException FAILURE;

    static {
      SlotbeamLibrary library = null;
      NativeLibraryUnavailableException failure = null;
      try {
        library = load(LIBRARY_NAME);
      } catch (NativeLibraryUnavailableException e) {
        failure = e;
      }
      LIBRARY = library;
      FAILURE = failure;
    }
  }

  /** The library; throws {@link NativeLibraryUnavailableException} when it cannot be loaded. */
  public static SlotbeamLibrary library() {
    if (Holder.FAILURE != null) {
      throw Holder.FAILURE;
    }
    return Holder.LIBRARY;
  }

  /** Whether the library loaded; never throws. */
  public static boolean isAvailable() {
    return Holder.FAILURE == null;
  }

  /** Why the library is unavailable, or empty when it loaded. */
  public static Optional<String> unavailableReason() {
    return Optional.ofNullable(Holder.FAILURE).map(Throwable::getMessage);
  }

  /** Loads and initialises the library called {@code name} (a parameter for tests). */
  static SlotbeamLibrary load(String name) {
    SlotbeamLibrary library;
    try {
      library = Native.load(name, SlotbeamLibrary.class);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      throw new NativeLibraryUnavailableException(
          "libslotbeam could not be loaded; looked in jna.library.path="
              + System.getProperty("jna.library.path", "(not set)")
              + ", the system library path, and on the classpath at "
              + classpathResource(name)
              + " (that resource is "
              + (SlotbeamNative.class.getClassLoader().getResource(classpathResource(name)) == null
                  ? "absent"
                  : "present")
              + "): "
              + e.getMessage(),
          e);
    }
    int version = library.sb_api_version();
    if (version != API_VERSION) {
      throw new NativeLibraryUnavailableException(
          "libslotbeam has API version " + version + " but this binding needs " + API_VERSION, null);
    }
    byte[] parameters = poseidon2Parameters();
    int status = library.sb_poseidon2_init(parameters, parameters.length);
    if (status != NativeStatus.OK) {
      throw new NativeLibraryUnavailableException(
          "libslotbeam refused core's Poseidon2 parameters: " + NativeStatus.name(status), null);
    }
    return library;
  }

  private static String classpathResource(String name) {
    return Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName(name);
  }

  /** External constants, internal constants, internal diagonal: 83 LE32 elements. */
  private static byte[] poseidon2Parameters() {
    List<BigInteger> all = new ArrayList<>(Poseidon2Parameters.externalRoundConstants());
    all.addAll(Poseidon2Parameters.internalRoundConstants());
    Poseidon2Parameters.internalMatrixDiagonal().forEach(d -> all.add(BigInteger.valueOf(d)));
    ByteArrayOutputStream out = new ByteArrayOutputStream(Fr.BYTES * all.size());
    all.forEach(value -> out.writeBytes(Fr.of(value).toBytes()));
    return out.toByteArray();
  }
}
