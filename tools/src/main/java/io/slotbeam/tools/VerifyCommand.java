package io.slotbeam.tools;

import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.InvalidGroth16Exception;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.prover.groth16.NativeVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam verify --vkey VK_JSON --proof PROOF_JSON --public PUBLIC_JSON}: the Groth16 check
 * of spec datapath §11.3 on snarkjs files, with the native verifier. Exit 0 and "valid" when the
 * proof verifies; exit 1 and "invalid" when a well-formed proof does not; exit 1 with an error
 * naming the file and the point or number when a file is malformed.
 */
final class VerifyCommand implements Command {
  private static final String VKEY = "vkey";
  private static final String PROOF = "proof";
  private static final String PUBLIC = "public";

  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "check a Groth16 proof.json and public.json against a verification_key.json";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(file(VKEY, "VK_JSON", "the snarkjs verification key (verification_key.json)"))
        .addOption(file(PROOF, "PROOF_JSON", "the snarkjs proof (proof.json)"))
        .addOption(file(PUBLIC, "PUBLIC_JSON", "the public inputs (public.json), in circuit order"));
  }

  private static Option file(String name, String argument, String description) {
    return Option.builder().longOpt(name).hasArg().argName(argument).required().desc(description).get();
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("verify takes no arguments besides its options, got " + line.getArgList());
    }
    VerificationKey key = read(line, VKEY, Groth16Json::readVerificationKey);
    Proof proof = read(line, PROOF, Groth16Json::readProof);
    PublicInputs inputs = read(line, PUBLIC, Groth16Json::readPublic);
    boolean valid;
    try {
      valid = new NativeVerifier().verify(key, inputs, proof);
    } catch (InvalidGroth16Exception e) {
      throw new InvalidGroth16Exception(
          "malformed: " + e.getMessage() + " (" + line.getOptionValue(VKEY) + ", "
              + line.getOptionValue(PROOF) + ", " + line.getOptionValue(PUBLIC) + ")", e);
    }
    if (valid) {
      out.println("valid: the proof verifies against the key for the " + inputs.size() + " public inputs");
      return ExitCode.OK;
    }
    out.println(
        "invalid: the proof is well formed but e(-A, B)·e(alpha, beta)·e(vk_x, gamma)·e(C, delta)"
            + " ≠ 1 for these public inputs and this key");
    return ExitCode.FAILED;
  }

  /** Parses the file of {@code --option}; a malformed file's error names the file. */
  private static <T> T read(CommandLine line, String option, Function<String, T> parse)
      throws IOException {
    String name = line.getOptionValue(option);
    Path path = Arguments.readableFile(name);
    String text = Files.readString(path);
    try {
      return parse.apply(text);
    } catch (InvalidGroth16Exception e) {
      throw new InvalidGroth16Exception("malformed --" + option + " " + name + ": " + e.getMessage(), e);
    }
  }
}
