package io.slotbeam.contracts;

import io.slotbeam.contracts.generated.Groth16Verifier;
import io.slotbeam.contracts.generated.Marketplace.Fp2Element;
import io.slotbeam.contracts.generated.Marketplace.G1Point;
import io.slotbeam.contracts.generated.Marketplace.G2Point;
import io.slotbeam.contracts.generated.Marketplace.Groth16Proof;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * A verification key with known discrete logarithms, so tests can make a valid proof for any
 * public inputs without a circuit. All G2 points are the generator g2 and every G1 point is a
 * known multiple of g1: alpha = A = g1, ic[i] = k_i·g1, so the Groth16 check
 * e(-A, g2)·e(g1, g2)·e(vk_x, g2)·e(C, g2) = 1 holds iff C = -(k_0 + Σ s_i·k_{i+1})·g1. A proof
 * made for other inputs fails, which is what the marketplace tests need: the contract must build
 * exactly the public inputs of spec node.md §5.6. Multiples of g1 come from the chain's own
 * EIP-196 multiplication precompile.
 */
public final class TestProofs {
  static final BigInteger R = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  /** The BN254 G2 generator, (real, imag) per coordinate (EIP-197). */
  private static final Fp2Element G2_X = new Fp2Element(
      new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
      new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"));
  private static final Fp2Element G2_Y = new Fp2Element(
      new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
      new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));
  private static final long[] IC_SCALARS = {2, 3, 5, 7};
  private static final String EC_MUL = "0x0000000000000000000000000000000000000007";

  private final Web3j web3j;
  private final String from;

  public TestProofs(Web3j web3j, String from) {
    this.web3j = web3j;
    this.from = from;
  }

  public Groth16Verifier.VerifyingKey key() throws IOException {
    Groth16Verifier.G2Point g2 = new Groth16Verifier.G2Point(
        new Groth16Verifier.Fp2Element(G2_X.real, G2_X.imag),
        new Groth16Verifier.Fp2Element(G2_Y.real, G2_Y.imag));
    List<Groth16Verifier.G1Point> ic = new ArrayList<>();
    for (long k : IC_SCALARS) {
      BigInteger[] point = timesG1(BigInteger.valueOf(k));
      ic.add(new Groth16Verifier.G1Point(point[0], point[1]));
    }
    return new Groth16Verifier.VerifyingKey(new Groth16Verifier.G1Point(BigInteger.ONE,
        BigInteger.TWO), g2, g2, g2, ic);
  }

  /** The proof that verifies for exactly these three public inputs. */
  public Groth16Proof proofFor(List<BigInteger> inputs) throws IOException {
    BigInteger vkx = BigInteger.valueOf(IC_SCALARS[0]);
    for (int i = 0; i < inputs.size(); i++) {
      vkx = vkx.add(inputs.get(i).multiply(BigInteger.valueOf(IC_SCALARS[i + 1])));
    }
    BigInteger[] c = timesG1(vkx.negate().mod(R));
    return new Groth16Proof(new G1Point(BigInteger.ONE, BigInteger.TWO),
        new G2Point(G2_X, G2_Y), new G1Point(c[0], c[1]));
  }

  private BigInteger[] timesG1(BigInteger scalar) throws IOException {
    String input = Numeric.toHexStringNoPrefixZeroPadded(BigInteger.ONE, 64)
        + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.TWO, 64)
        + Numeric.toHexStringNoPrefixZeroPadded(scalar, 64);
    EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(from, EC_MUL, "0x" + input),
        DefaultBlockParameterName.LATEST).send();
    if (result.hasError()) {
      throw new IOException("ecMul precompile failed: " + result.getError().getMessage());
    }
    String out = Numeric.cleanHexPrefix(result.getValue());
    return new BigInteger[] {new BigInteger(out.substring(0, 64), 16),
        new BigInteger(out.substring(64, 128), 16)};
  }
}
