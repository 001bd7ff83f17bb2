package io.slotbeam.core.field;

/**
 * Whether {@link FrLanes} can run here and beats {@link FrMontgomery}: the JVM was started with
 * {@code --add-modules=jdk.incubator.vector}, and the CPU has 512-bit vectors (AVX-512, whose
 * {@code vpmullq} multiplies 64-bit lanes; with 256-bit AVX2 the lanes measured no faster than
 * the scalar path). {@code -Dslotbeam.lanes=false} turns the lanes off.
 */
public final class VectorSupport {
  private static final boolean FAST_LANES = detect();

  private VectorSupport() {}

  /** Whether the SIMD lanes are available and the faster choice. */
  public static boolean fastLanes() {
    return FAST_LANES;
  }

  private static boolean detect() {
    if (!Boolean.parseBoolean(System.getProperty("slotbeam.lanes", "true"))) {
      return false;
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    return Probe.preferredBits() >= 512;
  }

  /** Touches the Vector API only once the module is known to be present. */
  private static final class Probe {
    static int preferredBits() {
      return jdk.incubator.vector.LongVector.SPECIES_PREFERRED.vectorBitSize();
    }
  }
}
