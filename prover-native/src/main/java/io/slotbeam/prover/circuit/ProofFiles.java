package io.slotbeam.prover.circuit;

import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.Groth16Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files of one proof in a folder: snarkjs's {@code proof.json} and {@code public.json}, and
 * {@code chain.json}, the proof as the Codex contract's {@code Groth16Proof} struct (8 decimal
 * words in ABI order, core's {@link ChainEncoding}) with the public inputs {@code submitProof}
 * checks. Each file is written through a temporary sibling and an atomic rename, so a reader
 * never sees half a file.
 */
public final class ProofFiles {
  public static final String PROOF = "proof.json";
  public static final String PUBLIC = "public.json";
  public static final String CHAIN = "chain.json";

  private ProofFiles() {}

  /** Writes the three files of {@code proof} into {@code folder}, creating it if needed. */
  public static void write(Path folder, SlotProof proof) throws IOException {
    Files.createDirectories(folder);
    writeAtomically(folder.resolve(PROOF), Groth16Json.writeProof(proof.proof()));
    writeAtomically(folder.resolve(PUBLIC), Groth16Json.writePublic(proof.publicInputs()));
    writeAtomically(
        folder.resolve(CHAIN),
        "{\n  \"proof\": " + decimals(ChainEncoding.proofWords(proof.proof())) + ",\n  \"publicInputs\": "
            + decimals(proof.publicInputs().values()) + "\n}\n");
  }

  /** A JSON array of the values' decimal strings (numbers only: nothing to escape). */
  private static String decimals(List<?> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  /** {@code text} into {@code target} through a temporary sibling and an atomic rename. */
  public static void writeAtomically(Path target, String text) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
