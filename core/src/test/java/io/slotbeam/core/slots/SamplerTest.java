package io.slotbeam.core.slots;

import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.vectors.WorkedExampleFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.store.InMemoryBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamplerTest {
  private final InMemoryBlockStore store = new InMemoryBlockStore();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final Sampler sampler = new Sampler(store, CellHasher.fastest());

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  private Manifest verifiable(byte[] data, int blockSize, int k, int m, int cellSize) throws IOException {
    Manifest plain =
        Upload.store(new ByteArrayInputStream(data), blockSize, Optional.empty(), Optional.empty(), store)
            .manifest();
    Manifest protectedManifest =
        new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, k, m).manifest();
    return new DatasetSlots(store, workers, BlockHasher.java())
        .build(protectedManifest, cellSize)
        .verifiable()
        .manifest();
  }

  @Test
  void workedExampleSlotOneSamplesTheSpecCellsAndPassesTheChecker() throws IOException {
    byte[] data = WorkedExampleFile.bytes();
    Manifest manifest = verifiable(data, 65536, 2, 1, 2048);
    byte[] challenge = new byte[32];
    for (int i = 0; i < 32; i++) {
      challenge[i] = (byte) i;
    }
    Fr entropy = CellSelector.entropy(challenge);
    ProofInput input = sampler.sample(manifest, 1, entropy, CircuitParams.FULL);
    assertEquals(64, input.nCellsPerSlot());
    assertEquals(3, input.nSlotsPerDataSet());
    assertEquals(
        "19495713132223480327656540588819391962835965021248986668431192275097615670921",
        input.dataSetRoot().toDecimal());
    assertEquals(
        List.of(52L, 2L, 59L, 34L, 27L),
        java.util.Arrays.stream(CellSelector.cellIndices(entropy, input.slotRoot(), 64, 5)).boxed().toList());
    assertEquals(32, input.samples().get(0).merklePaths().size());
    assertEquals(8, input.slotProof().size());
    assertTrue(ProofInputChecker.check(input, CircuitParams.FULL).ok(), () -> ProofInputChecker.check(input, CircuitParams.FULL).failures().toString());
  }

  @ParameterizedTest(name = "{0} bytes in {1}-byte blocks, K = {2}, M = {3}, {4}-byte cells")
  @CsvSource({
    "8192, 4096, 2, 1, 128", // one block per slot: the single-block slot of spec §12.14
    "20000, 4096, 2, 2, 128",
    "50000, 2048, 3, 1, 64",
    "100000, 4096, 4, 2, 128",
  })
  void randomDatasetsRoundTripThroughSampleAndCheck(int size, int blockSize, int k, int m, int cellSize)
      throws IOException {
    byte[] data = new byte[size];
    new Random(size + k).nextBytes(data);
    Manifest manifest = verifiable(data, blockSize, k, m, cellSize);
    CircuitParams params = new CircuitParams(16, 3, 5, (cellSize + 30) / 31, 4);
    Random random = new Random(7);
    for (int slot = 0; slot < k + m; slot++) {
      Fr entropy = Fr.of(new BigInteger(250, random));
      ProofInput input = sampler.sample(manifest, slot, entropy, params);
      var result = ProofInputChecker.check(input, params);
      assertTrue(result.ok(), "slot " + slot + ": " + result.failures());
    }
  }

  @Test
  void refusesADatasetTooBigForTheCircuit() throws IOException {
    byte[] data = new byte[64 * 4096];
    Manifest manifest = verifiable(data, 4096, 2, 1, 128);
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> sampler.sample(manifest, 0, Fr.ONE, new CircuitParams(8, 3, 5, 5, 2)));
    assertTrue(error.getMessage().contains("maxDepth is 8"), error.getMessage());
  }

  @Test
  void refusesCellsOfAnotherSizeThanTheCircuitTakes() throws IOException {
    Manifest manifest = verifiable(new byte[8192], 4096, 2, 1, 128);
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> sampler.sample(manifest, 0, Fr.ONE, CircuitParams.SMALL));
    assertEquals(
        "cells of 128 bytes are 5 field elements, but the circuit takes 67", error.getMessage());
  }

  @Test
  void refusesASlotOutsideTheDataset() throws IOException {
    Manifest manifest = verifiable(new byte[8192], 4096, 2, 1, 128);
    assertThrows(
        IllegalArgumentException.class,
        () -> sampler.sample(manifest, 3, Fr.ONE, new CircuitParams(16, 3, 5, 5, 2)));
  }
}
