package io.slotbeam.pipelines;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Proof records as an Arrow IPC file (the random-access "file" format, {@code .arrow}), which
 * pyarrow ({@code pyarrow.ipc.open_file}), duckdb and Arrow Java read. One row per (slot, period);
 * columns, in order:
 *
 * <pre>
 * dataset        utf8            verifiable manifest CID
 * slot           int32           slot index
 * period         int64           period number (0 in batch mode)
 * challenge      fixed_binary(32) the 32-byte challenge
 * entropy        utf8            its entropy as a decimal field element
 * proof          fixed_binary(256), null on failure: the Groth16Proof struct, 8 big-endian words
 * witness_nanos  int64, null on failure
 * prove_nanos    int64, null on failure
 * verify_nanos   int64, null on failure
 * verified       bool            the proof verified (false: see failure)
 * failure        utf8, null when verified: why there is no proof
 * </pre>
 *
 * Rows go in record batches of at most {@link #BATCH_ROWS}, so memory stays bounded by the batch.
 */
final class ProofRecordsFile {
  static final int BATCH_ROWS = 1024;

  static final Schema SCHEMA =
      new Schema(
          List.of(
              Field.notNullable("dataset", ArrowType.Utf8.INSTANCE),
              Field.notNullable("slot", new ArrowType.Int(32, true)),
              Field.notNullable("period", new ArrowType.Int(64, true)),
              Field.notNullable("challenge", new ArrowType.FixedSizeBinary(32)),
              Field.notNullable("entropy", ArrowType.Utf8.INSTANCE),
              Field.nullable("proof", new ArrowType.FixedSizeBinary(ProofRecord.PROOF_BYTES)),
              Field.nullable("witness_nanos", new ArrowType.Int(64, true)),
              Field.nullable("prove_nanos", new ArrowType.Int(64, true)),
              Field.nullable("verify_nanos", new ArrowType.Int(64, true)),
              Field.notNullable("verified", ArrowType.Bool.INSTANCE),
              Field.nullable("failure", ArrowType.Utf8.INSTANCE)));

  private ProofRecordsFile() {}

  /** Writes {@code records} to {@code target} through a temporary sibling and an atomic rename. */
  static void write(Path target, List<ProofRecord> records) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
      writer.start();
      for (int from = 0; from < records.size(); from += BATCH_ROWS) {
        fill(root, records.subList(from, Math.min(records.size(), from + BATCH_ROWS)));
        writer.writeBatch();
      }
      writer.end();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void fill(VectorSchemaRoot root, List<ProofRecord> batch) {
    root.allocateNew();
    VarCharVector dataset = (VarCharVector) root.getVector("dataset");
    IntVector slot = (IntVector) root.getVector("slot");
    BigIntVector period = (BigIntVector) root.getVector("period");
    FixedSizeBinaryVector challenge = (FixedSizeBinaryVector) root.getVector("challenge");
    VarCharVector entropy = (VarCharVector) root.getVector("entropy");
    FixedSizeBinaryVector proof = (FixedSizeBinaryVector) root.getVector("proof");
    BigIntVector witness = (BigIntVector) root.getVector("witness_nanos");
    BigIntVector prove = (BigIntVector) root.getVector("prove_nanos");
    BigIntVector verify = (BigIntVector) root.getVector("verify_nanos");
    BitVector verified = (BitVector) root.getVector("verified");
    VarCharVector failure = (VarCharVector) root.getVector("failure");
    for (int i = 0; i < batch.size(); i++) {
      ProofRecord r = batch.get(i);
      dataset.setSafe(i, utf8(r.dataset()));
      slot.setSafe(i, r.slot());
      period.setSafe(i, r.period());
      challenge.setSafe(i, Challenges.parse(r.challenge()));
      entropy.setSafe(i, utf8(r.entropy()));
      verified.setSafe(i, r.verified() ? 1 : 0);
      if (r.verified()) {
        proof.setSafe(i, r.proofBytes());
        witness.setSafe(i, r.witnessNanos());
        prove.setSafe(i, r.proveNanos());
        verify.setSafe(i, r.verifyNanos());
        failure.setNull(i);
      } else {
        proof.setNull(i);
        witness.setNull(i);
        prove.setNull(i);
        verify.setNull(i);
        failure.setSafe(i, utf8(r.failure().orElseThrow()));
      }
    }
    root.setRowCount(batch.size());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
