package io.slotbeam.contracts;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Marketplace calls written by hand because web3j's generated wrapper lacks them: the 4.13.0
 * generator emits no method for a view function without outputs, and {@code
 * canMarkProofAsMissing(bytes32,uint64)} (selector 0xd1bb36b6, spec node.md §5.3) is one; it
 * answers by reverting or not. Every other call, including the {@code Groth16Proof} struct ones,
 * goes through the generated {@code io.slotbeam.contracts.generated.Marketplace}, whose
 * selectors the tests check against the spec.
 */
public final class MarketplaceCalls {
  private MarketplaceCalls() {}

  /**
   * The eth_call that reverts with the reason {@code period}'s proof of {@code slotId} cannot be
   * marked missing now, and returns nothing when it can.
   */
  public static Function canMarkProofAsMissing(byte[] slotId, BigInteger period) {
    return new Function("canMarkProofAsMissing",
        List.of(new Bytes32(slotId), new Uint64(period)), List.of());
  }
}
