package io.slotbeam.benchmarks;

import io.slotbeam.circuits.Witness;
import io.slotbeam.circuits.WitnessFile;
import io.slotbeam.circuits.ZkeyFile;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Prover;
import io.slotbeam.prover.bn254.ProverNative;
import io.slotbeam.prover.groth16.NativeProver;
import io.slotbeam.prover.groth16.ProvingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our native prover against {@code snarkjs groth16 prove} in the same run, on the same zkey and
 * witness: proves {@code RUNS} times with each (after one warm-up proof of ours; snarkjs runs as
 * a fresh node process each time, as it is used) and prints both medians, their ratio, the key
 * size and this process's resident memory before the key and at its peak. With a verification key, snarkjs also checks
 * our last proof.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.slotbeam.benchmarks.ProverVersusSnarkjs \
 *     KEY.zkey WITNESS.wtns [RUNS (3)] [verification_key.json]
 * </pre>
 *
 * Run from the repository root (snarkjs is node_modules/snarkjs).
 */
public final class ProverVersusSnarkjs {
  private ProverVersusSnarkjs() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: ProverVersusSnarkjs KEY.zkey WITNESS.wtns [RUNS] [verification_key.json]");
      System.exit(2);
    }
    Path zkey = Path.of(args[0]);
    Path wtns = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path snarkjs = Path.of("node_modules/snarkjs/build/cli.cjs").toAbsolutePath();
    if (!Files.isRegularFile(snarkjs)) {
      throw new IllegalStateException(snarkjs + " is missing: run from the repository root after npm ci");
    }
    Path work = Files.createTempDirectory("prove-bench");
    Witness witness = WitnessFile.read(wtns);
    String residentBefore = status("VmRSS:");

    long started = System.nanoTime();
    List<Double> ours = new ArrayList<>();
    Prover.Result last;
    ZkeyFile key = ZkeyFile.read(zkey);
    try (NativeProver prover = NativeProver.load(ProvingKey.of(key))) {
      System.out.printf("key read, checked and bound in %.0f ms (%d native threads)%n",
          (System.nanoTime() - started) / 1e6, ProverNative.threads());
      last = prover.prove(witness); // warm-up
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        last = prover.prove(witness);
        ours.add((System.nanoTime() - t) / 1e9);
      }
    }
    List<Double> theirs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      run(work, List.of("node", snarkjs.toString(), "groth16", "prove", zkey.toAbsolutePath().toString(),
          wtns.toAbsolutePath().toString(), "proof.json", "public.json"));
      theirs.add((System.nanoTime() - t) / 1e9);
    }
    double oursMedian = median(ours);
    double theirsMedian = median(theirs);
    System.out.printf("ours    %s s, median %.3f s%n", ours, oursMedian);
    System.out.printf("snarkjs %s s, median %.3f s%n", theirs, theirsMedian);
    System.out.printf("ratio snarkjs/ours = %.2f%n", theirsMedian / oursMedian);
    System.out.printf("zkey %.1f MB; resident memory of this JVM before the key %s, peak %s%n",
        Files.size(zkey) / 1e6, residentBefore, status("VmHWM:"));
    if (args.length > 3) {
      Files.writeString(work.resolve("ours.json"), Groth16Json.writeProof(last.proof()));
      Files.writeString(work.resolve("ours-public.json"), Groth16Json.writePublic(last.publicInputs()));
      int exit = run(work, List.of("node", snarkjs.toString(), "groth16", "verify",
          Path.of(args[3]).toAbsolutePath().toString(), "ours-public.json", "ours.json"));
      System.out.println("snarkjs groth16 verify of our proof: " + (exit == 0 ? "OK" : "REFUSED"));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** A line of /proc/self/status (VmRSS: resident now, VmHWM: peak resident). */
  private static String status(String field) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith(field))
        .map(l -> l.substring(field.length()).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static int run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("node.log").toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", command));
    }
    return process.exitValue();
  }
}
