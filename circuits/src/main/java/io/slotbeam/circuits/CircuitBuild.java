package io.slotbeam.circuits;

import io.slotbeam.core.slots.CircuitParams;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the storage-proof circuit for some parameters with the checkout's build script and pinned
 * circom (circuits/src/main/scripts/build-circuit.sh), reusing a build whose sources did not
 * change. The result holds {@code sample_and_prove.r1cs} and {@link #wasm the witness wasm}.
 */
public final class CircuitBuild {
  private static final String SCRIPT = "circuits/src/main/scripts/build-circuit.sh";

  /** Where circom puts the witness wasm in a built circuit folder. */
  public static final String WASM = "sample_and_prove_js/sample_and_prove.wasm";

  private CircuitBuild() {}

  /**
   * The cache folder for a circuit: {@code ~/.cache/slotbeam/circuits/PARAMS}, or under the folder
   * the system property {@code slotbeam.cache} names (the tests keep their builds in target/).
   */
  public static Path cacheFolder(CircuitParams params) {
    String cache = System.getProperty("slotbeam.cache");
    Path root =
        cache != null
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache", "slotbeam");
    return root.resolve("circuits").resolve(params.toString());
  }

  /** The witness wasm of the circuit built in {@code folder}. */
  public static Path wasm(Path folder) {
    return folder.resolve(WASM);
  }

  /**
   * Builds (or reuses) the circuit of {@code params} into {@code folder}, running the script of the
   * checkout at {@code root}, with its output copied to {@code log}.
   */
  public static Path build(Path root, CircuitParams params, Path folder, OutputStream log)
      throws IOException, InterruptedException {
    Path script = root.resolve(SCRIPT);
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          "circuit build script " + script + " is missing: run slotbeam from its checkout");
    }
    Process build =
        new ProcessBuilder("bash", script.toString(), params.toString(), folder.toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    build.getInputStream().transferTo(log);
    int status = build.waitFor();
    if (status != 0) {
      throw new IllegalStateException("circuit build for " + params + " failed with status " + status);
    }
    return folder;
  }
}
