package io.slotbeam.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Proof;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam proof --to-chain PROOF_JSON [--json]}: a snarkjs {@code proof.json} as the Codex
 * contract's {@code Groth16Proof} struct (spec datapath §11.2), 8 decimal words one per line, or
 * with {@code --json} as the struct's fields.
 */
final class ProofCommand implements Command {
  private static final String TO_CHAIN = "to-chain";
  private static final String JSON = "json";

  @Override
  public String name() {
    return "proof";
  }

  @Override
  public String arguments() {
    return "PROOF_JSON";
  }

  @Override
  public String summary() {
    return "convert a snarkjs proof.json into the contract's Groth16Proof words (--to-chain)";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt(TO_CHAIN)
                .desc("print the 8 uint256 words a.x, a.y, b.x.real, b.x.imag, b.y.real,"
                    + " b.y.imag, c.x, c.y (no swap)")
                .get())
        .addOption(
            Option.builder().longOpt(JSON).desc("print the words as the struct's JSON fields").get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    String name = Arguments.single(line, "PROOF_JSON");
    if (!line.hasOption(TO_CHAIN)) {
      throw new UsageException("proof needs --" + TO_CHAIN + " (the only conversion so far)");
    }
    Proof proof = Groth16Json.readProof(Files.readString(Arguments.readableFile(name)));
    List<BigInteger> words = ChainEncoding.proofWords(proof);
    if (line.hasOption(JSON)) {
      Json.print(out, struct(words));
    } else {
      for (BigInteger word : words) {
        out.println(word);
      }
    }
    return ExitCode.OK;
  }

  /** {@code {a: {x, y}, b: {x: {real, imag}, y: {real, imag}}, c: {x, y}}}, decimal strings. */
  private static ObjectNode struct(List<BigInteger> w) {
    ObjectNode json = Json.object();
    json.putObject("a").put("x", w.get(0).toString()).put("y", w.get(1).toString());
    ObjectNode b = json.putObject("b");
    b.putObject("x").put("real", w.get(2).toString()).put("imag", w.get(3).toString());
    b.putObject("y").put("real", w.get(4).toString()).put("imag", w.get(5).toString());
    json.putObject("c").put("x", w.get(6).toString()).put("y", w.get(7).toString());
    return json;
  }
}
