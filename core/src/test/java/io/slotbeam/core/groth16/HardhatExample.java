package io.slotbeam.core.groth16;

import io.slotbeam.core.vectors.Vectors;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test support (no tests): the upstream hardhat Groth16 vector (spec datapath §10.7), read in
 * place, and the contract words of its proof as the spec lists them (order of §11.2).
 */
public final class HardhatExample {
  /** {@code pi_a}, {@code pi_b} as {@code [real, imag]} per coordinate, {@code pi_c}. */
  public static final List<BigInteger> PROOF_WORDS =
      Stream.of(
              "6534256117371673392078914918983405561950705741555607896616281548993166767050",
              "4683704071819826577549511087725295557628226569657977399743888281350488008160",
              "5214601005301447749408976517903523691026761713935248596363525026084207179898",
              "12928862018496028019248584699701543976607635004280021323367162829172676142063",
              "6802359022534661924490571652741723715650845080843101596088257121470226373081",
              "13026065833109947056007317243769626467054545801812125911606045634450472294131",
              "4064922718155280187684708354118623661512911161238889435233679092743470899962",
              "16109406845320108508342512724551388830826795687369147885401665396548555026064")
          .map(BigInteger::new)
          .toList();

  private HardhatExample() {}

  /** The vector file {@code hardhat-NAME.json}: {@code example-proof}, {@code example-public}, {@code verification-key}. */
  public static Path file(String name) {
    return Vectors.file("codex/hardhat-" + name + ".json");
  }

  public static String text(String name) throws IOException {
    return Files.readString(file(name));
  }
}
