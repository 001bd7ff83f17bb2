package io.slotbeam.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The solc-js output shipped in this jar: {@code io/slotbeam/contracts/<Contract>.abi} (JSON) and
 * {@code <Contract>.bin} (creation bytecode, hex without 0x), built from {@code src/main/solidity}
 * by {@code src/main/scripts/compile-contracts.js}.
 */
public final class ContractArtifacts {
  private ContractArtifacts() {}

  /** The ABI JSON of {@code contract}, e.g. {@code Marketplace}. */
  public static String abi(String contract) {
    return read(contract + ".abi");
  }

  /** The creation bytecode of {@code contract} as hex without a 0x prefix. */
  public static String bytecode(String contract) {
    return read(contract + ".bin").strip();
  }

  private static String read(String name) {
    try (InputStream in = ContractArtifacts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no compiled contract artifact " + name
            + " on the classpath (io/slotbeam/contracts/); the build writes one per contract in"
            + " contracts/src/main/solidity");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read contract artifact " + name, e);
    }
  }
}
