package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.circuits.WitnessCalculator.Engine;
import io.slotbeam.circuits.WitnessException.Reason;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.slots.ProofInput;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every input error is a {@link WitnessException} naming the problem, on both engines. */
class WitnessCalculatorErrorsTest {
  private static final BigInteger R = WitnessCalculatorTest.R;

  private static WitnessCalculator calc(Engine engine) {
    return WitnessCircuits.calculator(WitnessCircuits.TINY, engine);
  }

  private static Map<String, List<?>> with(String signal, List<?> values) {
    Map<String, List<?>> in = WitnessCalculatorTest.smallInput();
    in.put(signal, values);
    return in;
  }

  private static WitnessException fails(Engine engine, Map<String, List<?>> input, Reason reason) {
    WitnessException e = assertThrows(WitnessException.class, () -> calc(engine).calculate(input));
    assertEquals(reason, e.reason(), e.getMessage());
    // and the calculator still works
    assertEquals(
        WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.INTERPRETER)
            .calculate(WitnessCalculatorTest.smallInput()),
        calc(engine).calculate(WitnessCalculatorTest.smallInput()));
    return e;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void unknownSignal(Engine engine) {
    WitnessException e = fails(engine, with("c", List.of(1)), Reason.UNKNOWN_SIGNAL);
    assertEquals("input signal c is not an input of the circuit", e.getMessage());
    assertEquals("c", e.signal().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void wrongCount(Engine engine) {
    WitnessException few = fails(engine, with("xs", List.of(1, 2, 3)), Reason.WRONG_COUNT);
    assertEquals("input signal xs has 4 values but 3 were given", few.getMessage());
    WitnessException many = fails(engine, with("a", List.of(1, 2)), Reason.WRONG_COUNT);
    assertEquals("input signal a has 1 value but 2 were given", many.getMessage());
    assertEquals("a", many.signal().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void valueNotBelowR(Engine engine) {
    WitnessException e = fails(engine, with("m", List.of(5, 6, 7, 8, 9, R)), Reason.BAD_VALUE);
    assertEquals("input signal m[5]: " + R + " is not in [0, r)", e.getMessage());
    assertEquals("m", e.signal().orElseThrow());
    assertEquals(5, e.index());
    WitnessException negative = fails(engine, with("xs", List.of(1, 2, -3L, 4)), Reason.BAD_VALUE);
    assertEquals("input signal xs[2]: -3 is not in [0, r)", negative.getMessage());
    WitnessException type =
        fails(engine, with("xs", Arrays.asList(1, null, 3, 4)), Reason.BAD_VALUE);
    assertTrue(type.getMessage().startsWith("input signal xs[1]: null is not"), type.getMessage());
    WitnessException text = fails(engine, with("b", List.of("11")), Reason.BAD_VALUE);
    assertTrue(text.getMessage().contains("a String is not a field element"), text.getMessage());
  }

  @Test
  void missingSignal() {
    Map<String, List<?>> in = WitnessCalculatorTest.smallInput();
    in.remove("xs");
    WitnessException e = fails(Engine.COMPILER, in, Reason.MISSING_INPUTS);
    assertEquals(
        "the circuit takes 12 input values but the 3 signals given hold 8;"
            + " some input signals are missing",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void failedConstraintCarriesCircomsMessage(Engine engine) {
    // a = 0: inv * a === 1 fails (line 20 of witness_tiny.circom)
    WitnessException e = fails(engine, with("a", List.of(0)), Reason.CIRCUIT_ERROR);
    assertEquals("Assert Failed. Error in template Tiny_0 line: 20", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void failedAssertCarriesCircomsMessage(Engine engine) {
    // b = 7: assert(b != 7) fails (line 23)
    WitnessException e = fails(engine, with("b", List.of(7)), Reason.CIRCUIT_ERROR);
    assertEquals("Assert Failed. Error in template Tiny_0 line: 23", e.getMessage());
  }

  @Test
  void raggedProofInputIsRefused() {
    ProofInput good = WitnessCalculatorTest.proofInput();
    List<ProofInput.Sample> samples = new ArrayList<>(good.samples());
    ProofInput.Sample second = samples.get(1);
    samples.set(1, new ProofInput.Sample(second.cellData().subList(0, 3), second.merklePaths()));
    ProofInput ragged =
        new ProofInput(
            good.entropy(),
            good.dataSetRoot(),
            good.slotIndex(),
            good.slotRoot(),
            good.nCellsPerSlot(),
            good.nSlotsPerDataSet(),
            good.slotProof(),
            samples);
    WitnessException e =
        assertThrows(WitnessException.class, () -> WitnessCalculator.inputsOf(ragged));
    assertEquals(Reason.WRONG_COUNT, e.reason());
    assertEquals(
        "input signal cellData[1] has 3 values but cellData[0] has 4;"
            + " the circuit takes a rectangular array",
        e.getMessage());
  }

  @Test
  void wrongShapeOfProofInputNamesTheSignal() {
    ProofInput good = WitnessCalculatorTest.proofInput();
    ProofInput longProof =
        new ProofInput(
            good.entropy(),
            good.dataSetRoot(),
            good.slotIndex(),
            good.slotRoot(),
            good.nCellsPerSlot(),
            good.nSlotsPerDataSet(),
            List.of(Fr.ONE, Fr.ONE, Fr.ONE, Fr.ONE),
            good.samples());
    WitnessException e =
        assertThrows(
            WitnessException.class,
            () ->
                WitnessCircuits.calculator(WitnessCircuits.PROOF_SHAPE, Engine.COMPILER)
                    .calculate(longProof));
    assertEquals("input signal slotProof has 3 values but 4 were given", e.getMessage());
  }

  @Test
  void anotherPrimeIsRefused() {
    Path wasm = WitnessCircuits.wasm(WitnessCircuits.TINY, "bls12381");
    WitnessException e =
        assertThrows(
            WitnessException.class, () -> WitnessCalculator.load(wasm, Engine.INTERPRETER));
    assertEquals(Reason.BAD_WASM, e.reason());
    assertTrue(e.getMessage().contains("not BN254 r"), e.getMessage());
  }

  @Test
  void notAWasmIsRefused() throws IOException {
    Path junk = WitnessCircuits.work().resolve("junk.wasm");
    Files.writeString(junk, "not wasm");
    WitnessException e = assertThrows(WitnessException.class, () -> WitnessCalculator.load(junk));
    assertEquals(Reason.BAD_WASM, e.reason());
    assertTrue(e.getMessage().contains("is not a wasm module"), e.getMessage());
  }
}
