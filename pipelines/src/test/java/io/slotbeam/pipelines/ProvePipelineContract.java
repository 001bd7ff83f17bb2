package io.slotbeam.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.vectors.WorkedExampleFile;
import io.slotbeam.prover.circuit.ProofFiles;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.groth16.NativeVerifier;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prove pipeline on one runner: every slot of the spec's worked example (K = 2, M = 1, three
 * slots) proved with the small circuit and a development setup for one challenge (and every
 * period, in periodic mode), each proof
 * checked by the native verifier under the folder's key for the public inputs {@code [entropy,
 * verifyRoot, slot]}, and the Arrow records read back with Arrow Java, row by row. Each runner
 * module extends it with its runner's options. (Test methods are public so that subclasses in other
 * packages inherit them.)
 */
public abstract class ProvePipelineContract {
  /** The worked example's verifiable manifest and verify root (spec datapath §8). */
  protected static final String VERIFIABLE = "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2";

  protected static final Fr VERIFY_ROOT =
      Fr.of(new BigInteger("19495713132223480327656540588819391962835965021248986668431192275097615670921"));

  protected static final String CHALLENGE = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  @TempDir protected static Path shared;
  @TempDir protected Path dir;

  protected static Path circuit;
  protected static Path repo;

  /** The runner's options, e.g. {@code --runner=FlinkRunner}. */
  protected abstract List<String> runnerArgs();

  @BeforeAll
  static void smallCircuitAndWorkedExample() throws IOException {
    circuit = ProvingCircuit.devFolder(Path.of(System.getProperty("slotbeam.root")), CircuitParams.SMALL);
    repo = encodedWorkedExample(shared.resolve("repo"));
  }

  /** The worked example encoded by the core path into {@code repo}, as {@code slotbeam encode} does. */
  protected static Path encodedWorkedExample(Path repo) throws IOException {
    Path file = Files.write(Files.createDirectories(repo.resolveSibling("in-" + repo.getFileName())).resolve("worked.bin"),
        WorkedExampleFile.bytes());
    String summary = EncodeReference.encode(repo, List.of(file), 65536, 2, 1, 2048).toString();
    assertTrue(summary.contains(VERIFIABLE), summary);
    return repo;
  }

  /** Runs the prove pipeline with the runner's options and {@code options}; returns the output folder. */
  protected Path prove(Path repo, String... options) throws IOException {
    Path out = dir.resolve("out-" + System.nanoTime());
    List<String> args = new ArrayList<>(runnerArgs());
    args.add("--repo=" + repo);
    args.add("--circuit=" + circuit);
    args.add("--out=" + out);
    args.addAll(List.of(options));
    ProvePipeline.create(ProvePipeline.options(args.toArray(String[]::new))).run().waitUntilFinish();
    return out;
  }

  @Test
  public void provesEverySlotForTheChallengeAndRecordsEachProof() throws IOException {
    Path out = prove(repo, "--slots=" + VERIFIABLE + ":0," + VERIFIABLE + ":1," + VERIFIABLE + ":2",
        "--challenge=" + CHALLENGE);
    byte[] challenge = HexFormat.of().parseHex(CHALLENGE);
    List<Row> rows = readRecords(out.resolve("records/period-0.arrow"));
    assertEquals(3, rows.size(), rows.toString());
    for (int slot = 0; slot < 3; slot++) {
      Row row = rows.get(slot);
      assertEquals(new Row(VERIFIABLE, slot, 0, challenge, CellSelector.entropy(challenge).toString(), row.proof(),
          row.witnessNanos(), row.proveNanos(), row.verifyNanos(), true, null), row);
      assertVerifiedProof(out.resolve("proofs/" + VERIFIABLE + "/slot-" + slot + "/period-0"),
          CellSelector.entropy(challenge), slot, row);
    }
  }

  /**
   * Periodic mode: three periods of one second, each proved with its own challenge, {@code
   * SHA-256(seed ‖ period)}, and recorded in its own file. Runners that cannot run it override
   * this with the refusal they give.
   */
  @Test
  public void periodicModeProvesEveryPeriodWithTheSeedsChallenge() throws Exception {
    Path out = prove(repo, "--slots=" + VERIFIABLE + ":2", "--period=1", "--periods=3", "--seed=test seed");
    for (int period = 0; period < 3; period++) {
      // the reference: SHA-256 of the seed's bytes then the period as 8 big-endian bytes
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("test seed".getBytes(StandardCharsets.UTF_8));
      sha256.update(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) period});
      byte[] challenge = sha256.digest();
      List<Row> rows = readRecords(out.resolve("records/period-" + period + ".arrow"));
      assertEquals(1, rows.size(), rows.toString());
      for (Row row : rows) {
        assertEquals(period, row.period());
        assertEquals(HexFormat.of().formatHex(challenge), HexFormat.of().formatHex(row.challenge()));
        assertTrue(row.verified(), row.toString());
        assertVerifiedProof(out.resolve("proofs/" + VERIFIABLE + "/slot-" + row.slot() + "/period-" + period),
            CellSelector.entropy(challenge), row.slot(), row);
      }
      assertEquals(2, rows.get(0).slot());
    }
    assertFalse(Files.exists(out.resolve("records/period-3.arrow")));
  }

  /**
   * The proof files of one slot: snarkjs's proof verifies natively for exactly the expected
   * public inputs, chain.json holds its struct words, and the record's proof bytes are those
   * words, 32 big-endian bytes each; the step times are set.
   */
  protected static void assertVerifiedProof(Path folder, Fr entropy, int slot, Row row) throws IOException {
    Proof proof = Groth16Json.readProof(Files.readString(folder.resolve(ProofFiles.PROOF)));
    PublicInputs publics = Groth16Json.readPublic(Files.readString(folder.resolve(ProofFiles.PUBLIC)));
    assertEquals(List.of(entropy, VERIFY_ROOT, Fr.of(slot)), publics.values());
    VerificationKey vk =
        Groth16Json.readVerificationKey(Files.readString(circuit.resolve(DevSetupFiles.VERIFICATION_KEY)));
    assertTrue(new NativeVerifier().verify(vk, publics, proof), folder.toString());

    List<BigInteger> words = ChainEncoding.proofWords(proof);
    String chain = Files.readString(folder.resolve(ProofFiles.CHAIN), StandardCharsets.UTF_8);
    for (BigInteger word : words) {
      assertTrue(chain.contains("\"" + word + "\""), chain);
    }
    assertEquals(256, row.proof().length);
    for (int w = 0; w < 8; w++) {
      assertEquals(words.get(w), new BigInteger(1, Arrays.copyOfRange(row.proof(), 32 * w, 32 * w + 32)), "word " + w);
    }
    assertTrue(row.witnessNanos() > 0 && row.proveNanos() > 0 && row.verifyNanos() > 0, row.toString());
  }

  /** One row of a records file, as Arrow Java reads it; nulls as null. */
  protected record Row(
      String dataset, int slot, long period, byte[] challenge, String entropy, byte[] proof,
      Long witnessNanos, Long proveNanos, Long verifyNanos, boolean verified, String failure) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && toString().equals(r.toString());
    }

    @Override
    public int hashCode() {
      return toString().hashCode();
    }

    @Override
    public String toString() {
      return String.join(" ", dataset, "slot " + slot, "period " + period, HexFormat.of().formatHex(challenge),
          entropy, proof == null ? "no proof" : HexFormat.of().formatHex(proof),
          witnessNanos + "/" + proveNanos + "/" + verifyNanos, verified ? "verified" : "failed: " + failure);
    }
  }

  /** Every row of an Arrow IPC file, read with Arrow Java's own file reader. */
  protected static List<Row> readRecords(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertEquals(ProofRecordsFile.SCHEMA, root.getSchema());
      while (reader.loadNextBatch()) {
        for (int i = 0; i < root.getRowCount(); i++) {
          rows.add(new Row(
              text(root, "dataset", i), ((IntVector) root.getVector("slot")).get(i),
              ((BigIntVector) root.getVector("period")).get(i),
              ((FixedSizeBinaryVector) root.getVector("challenge")).getObject(i), text(root, "entropy", i),
              ((FixedSizeBinaryVector) root.getVector("proof")).getObject(i), nanos(root, "witness_nanos", i),
              nanos(root, "prove_nanos", i), nanos(root, "verify_nanos", i),
              ((BitVector) root.getVector("verified")).get(i) == 1, text(root, "failure", i)));
        }
      }
    }
    return rows;
  }

  private static String text(VectorSchemaRoot root, String column, int i) {
    VarCharVector vector = (VarCharVector) root.getVector(column);
    return vector.isNull(i) ? null : new String(vector.get(i), StandardCharsets.UTF_8);
  }

  private static Long nanos(VectorSchemaRoot root, String column, int i) {
    BigIntVector vector = (BigIntVector) root.getVector(column);
    return vector.isNull(i) ? null : vector.get(i);
  }
}
