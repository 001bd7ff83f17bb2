package io.slotbeam.benchmarks;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrLanes;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.hash.Poseidon2Permutation;
import io.slotbeam.core.hash.Poseidon2Sponge;
import io.slotbeam.core.hash.SpongeMerkle;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Poseidon2 at the sizes slot building uses: one permutation, one 2 KiB cell (rate-2 byte sponge,
 * 34 permutations) and the root of one 64 KiB block (32 cells and their tree), each on the scalar
 * path and, where it applies, on the SIMD lanes ({@code *Lanes} report the time per permutation or
 * per cell).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2) // the lane kernels take seconds to reach C2
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class Poseidon2Benchmark {
  private static final int CELLS = 32;

  private final Poseidon2Permutation lanePermutation =
      new Poseidon2Permutation(FrLanes.ARITHMETIC);
  private final long[] state = new long[Poseidon2Permutation.STATE_LONGS];
  private final long[] laneState = new long[lanePermutation.stateLongs()];
  private final byte[] block = new byte[CELLS * 2048];

  @Setup
  public void setUp() {
    Fr.of(1).copyMontgomeryLimbs(state, 0);
    Fr.of(2).copyMontgomeryLimbs(state, 4);
    new Random(2).nextBytes(block);
  }

  @Benchmark
  public long[] permutationScalar() {
    Poseidon2Permutation.SCALAR.permute(state);
    return state;
  }

  @Benchmark
  @OperationsPerInvocation(8) // FrLanes.LANES on 512-bit vectors
  public long[] permutationLanes() {
    lanePermutation.permute(laneState);
    return laneState;
  }

  @Benchmark
  public Fr cell2KiBScalar() {
    return Poseidon2Sponge.hashBytes(block, 0, 2048);
  }

  @Benchmark
  @OperationsPerInvocation(CELLS)
  public Fr[] cell2KiBFastest() {
    return CellHasher.fastest().hashCells(block, 0, 2048, CELLS);
  }

  @Benchmark
  public Fr blockRoot64KiBScalar() {
    return SpongeMerkle.digest(block, 0, block.length, 2048, CellHasher.scalar());
  }

  @Benchmark
  public Fr blockRoot64KiBFastest() {
    return SpongeMerkle.digest(block, 2048);
  }
}
