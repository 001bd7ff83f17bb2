package io.slotbeam.tools;

import io.slotbeam.core.groth16.Fp12;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Interim {@link AlphaBeta12}: runs {@code node node_modules/snarkjs/build/cli.cjs zkey export
 * verificationkey} in the checkout ({@link RepositoryRoot}) and takes {@code vk_alphabeta_12}
 * from its output, after checking that snarkjs read the same alpha1 and beta2.
 */
final class SnarkjsAlphaBeta12 {
  private SnarkjsAlphaBeta12() {}

  static Fp12 of(Path zkey, VerificationKey key) throws IOException {
    Path root = RepositoryRoot.get();
    Path cli = root.resolve("node_modules/snarkjs/build/cli.cjs");
    if (!Files.isRegularFile(cli)) {
      throw new IOException(
          cli + " is missing: vk_alphabeta_12 comes from snarkjs until the native pairing is merged"
              + " (run npm ci --ignore-scripts in " + root + ")");
    }
    Path json = Files.createTempFile("slotbeam-vk", ".json");
    try {
      Process process =
          new ProcessBuilder("node", cli.toString(), "zkey", "export", "verificationkey",
                  zkey.toAbsolutePath().toString(), json.toString())
              .directory(root.toFile())
              .redirectErrorStream(true)
              .start();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IOException("snarkjs zkey export verificationkey " + zkey + " exited " + exit + ": " + log);
      }
      VerificationKey exported = Groth16Json.readVerificationKey(Files.readString(json));
      if (!exported.alpha1().equals(key.alpha1()) || !exported.beta2().equals(key.beta2())) {
        throw new IOException("snarkjs read another alpha1 or beta2 from " + zkey + " than slotbeam");
      }
      return exported.alphaBeta12().orElseThrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while snarkjs exported the verification key of " + zkey, e);
    } finally {
      Files.deleteIfExists(json);
    }
  }
}
