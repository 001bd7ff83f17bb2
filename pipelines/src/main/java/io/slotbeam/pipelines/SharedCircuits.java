package io.slotbeam.pipelines;

import io.slotbeam.prover.circuit.ProvingCircuit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One {@link ProvingCircuit} per circuit folder per JVM, shared by every DoFn instance a runner
 * makes there, with the JVM's bound on concurrent proofs: the native prover has one thread pool
 * per process, so more DoFn threads must not mean more proofs competing for it, and the proving key
 * is read and bound once. Circuits stay open until the JVM exits (a worker's lifetime).
 */
final class SharedCircuits {
  /** A shared circuit and the permits its proofs take. */
  record Shared(ProvingCircuit circuit, Semaphore proofs) {}

  private static final Map<Path, Shared> OPEN = new ConcurrentHashMap<>();

  private SharedCircuits() {}

  /**
   * The circuit in {@code folder}, opened on first use with a bound of {@code maxConcurrentProofs}
   * (the first caller's bound holds for the JVM). Throws what {@link ProvingCircuit#open} throws.
   */
  static Shared get(Path folder, int maxConcurrentProofs) {
    return OPEN.computeIfAbsent(
        folder.toAbsolutePath().normalize(),
        path -> {
          try {
            return new Shared(ProvingCircuit.open(path), new Semaphore(maxConcurrentProofs, true));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot open the circuit in " + path, e);
          }
        });
  }
}
