package io.slotbeam.benchmarks;

import io.slotbeam.core.field.Fr;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Poseidon2 at the three sizes slot building uses: one permutation, one 2 KiB cell (rate-2 byte
 * sponge, 34 permutations) and the block root of one 64 KiB block (32 cells and their tree).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Poseidon2Benchmark {
  private final long[] state = new long[Poseidon2Permutation.STATE_LONGS];
  private final byte[] cell = new byte[2048];
  private final byte[] block = new byte[65536];

  @Setup
  public void setUp() {
    Fr.of(1).copyMontgomeryLimbs(state, 0);
    Fr.of(2).copyMontgomeryLimbs(state, 4);
    Random random = new Random(2);
    random.nextBytes(cell);
    random.nextBytes(block);
  }

  @Benchmark
  public long[] permutation() {
    Poseidon2Permutation.permute(state);
    return state;
  }

  @Benchmark
  public Fr cell2KiB() {
    return Poseidon2Sponge.hashBytes(cell);
  }

  @Benchmark
  public Fr blockRoot64KiB() {
    return SpongeMerkle.digest(block, 2048);
  }
}
