package io.slotbeam.core.field;

/**
 * What the JVM and CPU offer the SIMD paths of core: whether the JVM was started with {@code
 * --add-modules=jdk.incubator.vector}, and how wide its preferred vectors are. Callers check here
 * before touching any Vector API class, so core runs (on its scalar paths) without the module.
 */
public final class VectorSupport {
  private static final boolean MODULE_PRESENT =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private static final boolean FAST_LANES = detectFastLanes();

  private VectorSupport() {}

  /** Whether the Vector API module is present in this JVM. */
  public static boolean modulePresent() {
    return MODULE_PRESENT;
  }

  /** The preferred vector width in bits, or 0 without the module. */
  public static int preferredBits() {
    return MODULE_PRESENT ? Probe.preferredBits() : 0;
  }

  /**
   * Whether {@link FrLanes} is available and beats {@link FrMontgomery}: it needs 512-bit vectors
   * (AVX-512, whose {@code vpmullq} multiplies 64-bit lanes; with 256-bit AVX2 the lanes measured
   * no faster than the scalar path). {@code -Dslotbeam.lanes=false} turns the lanes off.
   */
  public static boolean fastLanes() {
    return FAST_LANES;
  }

  private static boolean detectFastLanes() {
    return Boolean.parseBoolean(System.getProperty("slotbeam.lanes", "true"))
        && preferredBits() >= 512;
  }

  /** Touches the Vector API only once the module is known to be present. */
  private static final class Probe {
    static int preferredBits() {
      return jdk.incubator.vector.LongVector.SPECIES_PREFERRED.vectorBitSize();
    }
  }
}
