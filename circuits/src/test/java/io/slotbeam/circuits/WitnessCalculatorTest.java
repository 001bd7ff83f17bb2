package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.circuits.WitnessCalculator.Engine;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputJson;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The JVM witness against snarkjs's, byte for byte, on both Chicory engines. */
class WitnessCalculatorTest {
  static final BigInteger R = FrMontgomery.MODULUS;

  /** {a: 3, b: 11, xs: [1..4], m: [[5, 6, 7], [8, 9, r-1]]}, values of every accepted type. */
  static Map<String, List<?>> smallInput() {
    Map<String, List<?>> in = new LinkedHashMap<>();
    in.put("a", List.of(Fr.of(3)));
    in.put("b", List.of(BigInteger.valueOf(11)));
    in.put("xs", List.of(1, 2L, Fr.of(3), BigInteger.valueOf(4)));
    in.put("m", List.of(5, 6, 7, 8, 9, R.subtract(BigInteger.ONE)));
    return in;
  }

  static final String SMALL_JSON =
      "{\"a\":\"3\",\"b\":11,\"xs\":[\"1\",\"2\",\"3\",\"4\"],"
          + "\"m\":[[\"5\",\"6\",\"7\"],[\"8\",\"9\",\""
          + R.subtract(BigInteger.ONE)
          + "\"]]}";

  /** Large values everywhere, given in another key order than the circuit declares. */
  static Map<String, List<?>> largeInput() {
    Map<String, List<?>> in = new LinkedHashMap<>();
    in.put("m", big(6, 1000));
    in.put("xs", big(4, 2000));
    in.put("b", List.of(R.subtract(BigInteger.TWO)));
    in.put("a", List.of(R.shiftRight(1).add(BigInteger.valueOf(12345))));
    return in;
  }

  static String largeJson() {
    Map<String, List<?>> in = largeInput();
    List<?> m = in.get("m");
    return "{\"m\":["
        + strings(m.subList(0, 3))
        + ","
        + strings(m.subList(3, 6))
        + "],"
        + "\"xs\":"
        + strings(in.get("xs"))
        + ","
        + "\"b\":"
        + strings(in.get("b")).replace("[", "").replace("]", "")
        + ","
        + "\"a\":"
        + strings(in.get("a")).replace("[", "").replace("]", "")
        + "}";
  }

  private static List<BigInteger> big(int n, int seed) {
    List<BigInteger> out = new ArrayList<>();
    BigInteger x = BigInteger.valueOf(seed);
    for (int i = 0; i < n; i++) {
      x = x.pow(5).add(BigInteger.valueOf(i + 7)).mod(R);
      out.add(x);
    }
    return out;
  }

  private static String strings(List<?> values) {
    List<String> quoted = new ArrayList<>();
    for (Object v : values) {
      quoted.add("\"" + v + "\"");
    }
    return "[" + String.join(",", quoted) + "]";
  }

  @Test
  void readsTheCircuitFacts() {
    WitnessCalculator calc = WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.COMPILER);
    assertEquals(Engine.COMPILER, calc.engine());
    assertTrue(calc.circomVersion().startsWith("2."), calc.circomVersion());
    assertEquals(26, calc.witnessSize());
    assertEquals(12, calc.inputSize());
    assertEquals(1, calc.inputSignalSize("a"));
    assertEquals(4, calc.inputSignalSize("xs"));
    assertEquals(6, calc.inputSignalSize("m"));
    assertEquals(-1, calc.inputSignalSize("nope"));
    // the witness is read straight from the shared memory, not 8 export calls per wire
    assertTrue(calc.sharedMemoryAddress() > 0);
    assertEquals(
        calc.sharedMemoryAddress(),
        WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.INTERPRETER).sharedMemoryAddress());
  }

  @Test
  void computesTheCircuit() {
    Witness w =
        WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.COMPILER).calculate(smallInput());
    assertEquals(Fr.ONE, w.get(0));
    assertEquals(Fr.of(33), w.get(1)); // ab = 3 * 11
    assertEquals(Fr.of(10), w.get(2)); // dot = (1 + 4 + 9 + 16) / 3
    assertEquals(Fr.of(3), w.get(4)); // the public input a
    assertEquals(w.toList(), w.asList());
  }

  @Test
  void wtnsEqualsSnarkjsByteForByteOnTwoInputs() throws IOException {
    Path wasm = WitnessCircuits.wasm(WitnessCircuits.TINY);
    WitnessCalculator calc = WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.COMPILER);

    byte[] expected = WitnessCircuits.snarkjs(wasm, SMALL_JSON);
    Path file = WitnessCircuits.work().resolve("small.wtns");
    WitnessFile.write(file, calc.calculate(smallInput()));
    assertArrayEquals(expected, Files.readAllBytes(file));

    byte[] expectedLarge = WitnessCircuits.snarkjs(wasm, largeJson());
    assertArrayEquals(expectedLarge, WitnessFile.toBytes(calc.calculate(largeInput())));
  }

  @Test
  void interpreterAndCompilerAgree() {
    WitnessCalculator compiled = WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.COMPILER);
    WitnessCalculator interpreted =
        WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.INTERPRETER);
    assertEquals(Engine.INTERPRETER, interpreted.engine());
    assertEquals(compiled.calculate(smallInput()), interpreted.calculate(smallInput()));
    assertEquals(compiled.calculate(largeInput()), interpreted.calculate(largeInput()));
  }

  @Test
  void loadCompilesWithoutFallingBack() throws IOException {
    WitnessCalculator calc = WitnessCalculator.load(WitnessCircuits.wasm(WitnessCircuits.TINY));
    assertEquals(Engine.COMPILER, calc.engine());
    assertTrue(calc.fallbackReason().isEmpty());
    assertEquals(
        WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.INTERPRETER)
            .calculate(smallInput()),
        calc.calculate(smallInput()));
  }

  @Test
  void compileCacheIsFilledUsedAndClearedWhenCorrupt() throws IOException {
    Path wasm = WitnessCircuits.wasm(WitnessCircuits.TINY);
    Path cache = WitnessCircuits.work().resolve("compile-cache");
    Witness expected =
        WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.INTERPRETER)
            .calculate(smallInput());
    deleteTree(cache);

    WitnessCalculator filling = WitnessCalculator.load(wasm, cache);
    assertEquals(Engine.COMPILER, filling.engine());
    assertEquals(expected, filling.calculate(smallInput()));
    List<Path> entries = entries(cache);
    assertTrue(
        !entries.isEmpty() && entries.get(0).toString().contains("chicory-"), entries.toString());

    WitnessCalculator cached = WitnessCalculator.load(wasm, cache);
    assertEquals(Engine.COMPILER, cached.engine());
    assertEquals(expected, cached.calculate(smallInput()));

    for (Path entry : entries) {
      Files.write(entry, new byte[] {1, 2, 3});
    }
    WitnessCalculator recovered = WitnessCalculator.load(wasm, cache);
    assertEquals(Engine.COMPILER, recovered.engine());
    assertEquals(expected, recovered.calculate(smallInput()));
    assertEquals(List.of(), entries(cache)); // cleared; the next load fills it again
  }

  private static List<Path> entries(Path cache) throws IOException {
    try (var files = Files.walk(cache)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void proofInputIsFlattenedAsSnarkjsFlattensItsJson() {
    ProofInput input = proofInput();
    Path wasm = WitnessCircuits.wasm(WitnessCircuits.PROOF_SHAPE);
    byte[] expected = WitnessCircuits.snarkjs(wasm, ProofInputJson.toJsonString(input));
    for (Engine engine : Engine.values()) {
      Witness w = WitnessCircuits.calculator(WitnessCircuits.PROOF_SHAPE, engine).calculate(input);
      assertArrayEquals(expected, WitnessFile.toBytes(w), engine.toString());
    }
  }

  @Test
  void forksComputeInParallel() throws Exception {
    WitnessCalculator calc = WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.COMPILER);
    Witness small = calc.calculate(smallInput());
    Witness large = calc.calculate(largeInput());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        WitnessCalculator fork = calc.fork();
        runs.add(
            pool.submit(
                () -> {
                  boolean ok = true;
                  for (int i = 0; i < 20; i++) {
                    ok &= small.equals(fork.calculate(smallInput()));
                    ok &= large.equals(fork.calculate(largeInput()));
                  }
                  return ok;
                }));
      }
      for (Future<Boolean> run : runs) {
        assertTrue(run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Two samples of 4 cell elements and 5 path entries, every value distinct. */
  static ProofInput proofInput() {
    List<ProofInput.Sample> samples = new ArrayList<>();
    int next = 100;
    for (int s = 0; s < 2; s++) {
      List<Fr> cell = new ArrayList<>();
      List<Fr> path = new ArrayList<>();
      for (int j = 0; j < 4; j++) {
        cell.add(Fr.of(next++));
      }
      for (int j = 0; j < 5; j++) {
        path.add(Fr.of(R.subtract(BigInteger.valueOf(next++))));
      }
      samples.add(new ProofInput.Sample(cell, path));
    }
    return new ProofInput(
        Fr.of(1234567),
        Fr.of(R.subtract(BigInteger.valueOf(99))),
        3,
        Fr.of(BigInteger.TWO.pow(200)),
        512,
        11,
        List.of(Fr.of(7), Fr.of(8), Fr.ZERO),
        samples);
  }
}
