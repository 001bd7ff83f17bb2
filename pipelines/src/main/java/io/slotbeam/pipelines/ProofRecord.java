package io.slotbeam.pipelines;

import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.prover.circuit.SlotProof;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.beam.sdk.coders.Coder;

/**
 * What the prove pipeline records of one (slot, period): the dataset, slot, period, challenge (64
 * hex digits) and entropy (decimal), then either a verified proof, as the contract's {@code
 * Groth16Proof} struct (8 words of 32 bytes, big-endian, ABI order; 512 hex digits) with the time
 * each step took, or the reason it failed. A proof that did not verify is a failure: its proof is
 * not kept.
 */
record ProofRecord(
    String dataset,
    int slot,
    long period,
    String challenge,
    String entropy,
    String proof,
    long witnessNanos,
    long proveNanos,
    long verifyNanos,
    Optional<String> failure) {
  /** Bytes of the {@code Groth16Proof} struct: 8 words of 32. */
  static final int PROOF_BYTES = ChainEncoding.PROOF_WORDS * ChainEncoding.WORD_BYTES;

  static final Coder<ProofRecord> CODER =
      RecordCoder.of(
          (r, out) -> {
            SlotTarget.CODER.encode(new SlotTarget(r.dataset(), r.slot()), out);
            out.writeLong(r.period());
            out.writeUTF(r.challenge());
            out.writeUTF(r.entropy());
            out.writeUTF(r.proof());
            out.writeLong(r.witnessNanos());
            out.writeLong(r.proveNanos());
            out.writeLong(r.verifyNanos());
            out.writeUTF(r.failure().orElse(""));
          },
          in -> {
            SlotTarget target = SlotTarget.CODER.decode(in);
            return new ProofRecord(
                target.dataset(), target.slot(), in.readLong(), in.readUTF(), in.readUTF(), in.readUTF(),
                in.readLong(), in.readLong(), in.readLong(), Optional.of(in.readUTF()).filter(f -> !f.isEmpty()));
          });

  /** The record of a proof that verified. */
  static ProofRecord proved(ProofTask task, SlotProof proof) {
    return new ProofRecord(
        task.target().dataset(), task.target().slot(), task.period(), task.challenge(),
        task.entropy().toString(), HexFormat.of().formatHex(structBytes(proof.proof())),
        proof.witnessNanos(), proof.proveNanos(), proof.verifyNanos(), Optional.empty());
  }

  /** The record of a task that gave no verified proof, and why. */
  static ProofRecord failed(ProofTask task, String reason) {
    return new ProofRecord(
        task.target().dataset(), task.target().slot(), task.period(), task.challenge(),
        task.entropy().toString(), "", 0, 0, 0, Optional.of(reason));
  }

  boolean verified() {
    return failure.isEmpty();
  }

  /** The struct's 256 bytes, or empty for a failure. */
  byte[] proofBytes() {
    return HexFormat.of().parseHex(proof);
  }

  /** The 8 words of the {@code Groth16Proof} struct, each 32 bytes big-endian. */
  static byte[] structBytes(Proof proof) {
    byte[] out = new byte[PROOF_BYTES];
    int offset = 0;
    for (BigInteger word : ChainEncoding.proofWords(proof)) {
      byte[] be = word.toByteArray(); // a sign byte at most in front: words are below p < 2^254
      int length = Math.min(be.length, ChainEncoding.WORD_BYTES);
      System.arraycopy(be, be.length - length, out, offset + ChainEncoding.WORD_BYTES - length, length);
      offset += ChainEncoding.WORD_BYTES;
    }
    return out;
  }
}
