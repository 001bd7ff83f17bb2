package io.slotbeam.prover.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.InvalidProofInputException;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.prover.groth16.NativeVerifier;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small circuit with a development setup proves real sampled slots of the worked example
 * (K = 2, M = 1, three slots), and the proofs verify natively under the folder's verification
 * key, for the public inputs {@code [entropy, verifyRoot, slot]} and no others; tampered inputs
 * and incomplete folders are refused naming what is wrong.
 */
class ProvingCircuitTest {
  private static final Path ROOT = Path.of(System.getProperty("slotbeam.root"));
  private static final Fr ENTROPY = Fr.of(1234567);

  private static final InMemoryBlockStore store = new InMemoryBlockStore();
  private static Path folder;
  private static ProvingCircuit circuit;
  private static DatasetSlots.Built dataset;

  @TempDir Path dir;

  @BeforeAll
  static void openSmallCircuitAndStoreTheWorkedExample() throws IOException {
    folder = ProvingCircuit.devFolder(ROOT, CircuitParams.SMALL);
    circuit = ProvingCircuit.open(folder);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      dataset =
          new DatasetSlots(store, workers, BlockHasher.java())
              .build(WorkedExampleDataset.protectedIn(store, workers), 2048);
    } finally {
      workers.shutdownNow();
    }
  }

  @AfterAll
  static void close() {
    circuit.close();
  }

  private static Manifest verifiable() {
    return dataset.verifiable().manifest();
  }

  @Test
  void aSampledSlotProvesAndVerifiesForItsPublicInputsOnly() throws IOException {
    SlotProof proof = circuit.proveSlot(store, verifiable(), 1, ENTROPY);

    assertTrue(proof.verified());
    assertEquals(List.of(ENTROPY, dataset.verifyRoot(), Fr.of(1)), proof.publicInputs().values());
    assertTrue(proof.witnessNanos() > 0 && proof.proveNanos() > 0 && proof.verifyNanos() > 0, proof.toString());
    assertEquals(CircuitParams.SMALL, circuit.params());
    // the key on disk, read afresh, says the same; another slot index or entropy does not verify
    var vk = Groth16Json.readVerificationKey(Files.readString(folder.resolve(DevSetupFiles.VERIFICATION_KEY)));
    NativeVerifier verifier = new NativeVerifier();
    assertTrue(verifier.verify(vk, proof.publicInputs(), proof.proof()));
    assertFalse(verifier.verify(vk, new PublicInputs(List.of(ENTROPY, dataset.verifyRoot(), Fr.of(2))), proof.proof()));
    assertFalse(verifier.verify(vk, new PublicInputs(List.of(ENTROPY.add(Fr.ONE), dataset.verifyRoot(), Fr.of(1))),
        proof.proof()));
  }

  @Test
  void theKeyIsNotHeldResidentBetweenProofs() throws IOException {
    assertTrue(circuit.proveSlot(store, verifiable(), 0, ENTROPY).verified());
    Path zkey = folder.resolve(DevSetupFiles.ZKEY).toRealPath();
    long resident = residentBytesMapping(zkey);
    // the library drops each section's pages after its pass; what may stay: the pages that
    // straddle the ends of the six sections it reads (two each) and the four small sections
    // ZkeyFile reads (protocol, header, IC, contributions: a page or two each)
    assertTrue(resident <= 32 * 4096, resident + " bytes of the " + Files.size(zkey)
        + "-byte key are resident after a proof");
  }

  /** The resident bytes of this process's mappings of {@code file} (/proc/self/smaps). */
  private static long residentBytesMapping(Path file) throws IOException {
    long kb = 0;
    boolean inFile = false;
    for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
      if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
        inFile = line.endsWith(" " + file);
      } else if (inFile && line.startsWith("Rss:")) {
        kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return kb * 1024;
  }

  @Test
  void concurrentProofsOfEverySlotAllVerify() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<SlotProof>> proofs = new ArrayList<>();
      for (int slot = 0; slot < 3; slot++) {
        int s = slot;
        proofs.add(callers.submit(() -> circuit.proveSlot(store, verifiable(), s, ENTROPY)));
      }
      for (int slot = 0; slot < 3; slot++) {
        SlotProof proof = proofs.get(slot).get();
        assertTrue(proof.verified(), "slot " + slot);
        assertEquals(Fr.of(slot), proof.publicInputs().get(2));
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aTamperedCellIsRefusedBeforeAnyProof() throws IOException {
    ProofInput input = new Sampler(store, CellHasher.fastest()).sample(verifiable(), 0, ENTROPY, CircuitParams.SMALL);
    List<ProofInput.Sample> samples = new ArrayList<>(input.samples());
    ProofInput.Sample first = samples.get(0);
    List<Fr> cell = new ArrayList<>(first.cellData());
    cell.set(0, cell.get(0).add(Fr.ONE));
    samples.set(0, new ProofInput.Sample(cell, first.merklePaths()));
    ProofInput tampered = new ProofInput(input.entropy(), input.dataSetRoot(), input.slotIndex(), input.slotRoot(),
        input.nCellsPerSlot(), input.nSlotsPerDataSet(), input.slotProof(), samples);

    InvalidProofInputException e = assertThrows(InvalidProofInputException.class, () -> circuit.prove(tampered));
    assertTrue(e.getMessage().contains("sample 0"), e.getMessage());
  }

  @Test
  void aMissingBlockIsAnErrorNamingItAndOtherSlotsStillProve() throws IOException {
    Cid lost = store.blockCids(verifiable().treeCid()).get(Math.toIntExact(2 * verifiable().numSlotBlocks())); // slot 2's first
    Block block = store.get(lost).orElseThrow();
    store.delete(lost);
    try {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> circuit.proveSlot(store, verifiable(), 2, Fr.of(9)));
      assertTrue(e.getMessage().contains(lost.toString()), e.getMessage());
      assertTrue(circuit.proveSlot(store, verifiable(), 0, Fr.of(9)).verified());
    } finally {
      store.put(block);
    }
  }

  @Test
  void anIncompleteFolderNamesWhatIsMissing() throws IOException {
    Path partial = Files.createDirectories(dir.resolve("circuit"));
    assertMissing(partial, ProvingCircuit.PARAMS_STAMP);
    Files.copy(folder.resolve(ProvingCircuit.PARAMS_STAMP), partial.resolve(ProvingCircuit.PARAMS_STAMP));
    assertMissing(partial, CircuitBuild.WASM);
    Files.createDirectories(CircuitBuild.wasm(partial).getParent());
    Files.copy(CircuitBuild.wasm(folder), CircuitBuild.wasm(partial));
    assertMissing(partial, DevSetupFiles.ZKEY);
    Files.copy(folder.resolve(DevSetupFiles.ZKEY), partial.resolve(DevSetupFiles.ZKEY));
    assertMissing(partial, DevSetupFiles.VERIFICATION_KEY);
  }

  @Test
  void theDevelopmentSetupIsMadeOncePerR1cs() throws IOException {
    FileTime made = Files.getLastModifiedTime(folder.resolve(DevSetupFiles.ZKEY));
    assertEquals(folder, ProvingCircuit.devFolder(ROOT, CircuitParams.SMALL));
    assertEquals(made, Files.getLastModifiedTime(folder.resolve(DevSetupFiles.ZKEY)));

    // a folder whose keys were made from another r1cs gets new ones, once
    Path copy = Files.createDirectories(dir.resolve("copy"));
    for (String file : List.of(DevSetupFiles.R1CS, DevSetupFiles.ZKEY, DevSetupFiles.VERIFICATION_KEY)) {
      Files.copy(folder.resolve(file), copy.resolve(file));
    }
    Files.writeString(copy.resolve(DevSetupFiles.STAMP), "0".repeat(64));
    assertTrue(DevSetupFiles.writeUnlessCurrent(copy, new SecureRandom()));
    assertFalse(Arrays.equals(Files.readAllBytes(copy.resolve(DevSetupFiles.ZKEY)),
        Files.readAllBytes(folder.resolve(DevSetupFiles.ZKEY))));
    assertFalse(DevSetupFiles.writeUnlessCurrent(copy, new SecureRandom()));
    assertEquals(Files.readString(folder.resolve(DevSetupFiles.STAMP)), Files.readString(copy.resolve(DevSetupFiles.STAMP)));
  }

  private static void assertMissing(Path folder, String file) {
    CircuitFolderException e = assertThrows(CircuitFolderException.class, () -> ProvingCircuit.open(folder));
    assertTrue(e.getMessage().contains(folder.resolve(file).toString())
        || e.getMessage().contains("no " + file + " in " + folder), e.getMessage());
  }
}
