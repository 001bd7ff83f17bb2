package io.slotbeam.node.market;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A storage request (contract {@code Request}, spec node §5.1).
 *
 * @param client the requesting account, {@code 0x}-prefixed hex
 * @param expiry seconds after the request is created by which all slots must be filled (relative)
 * @param nonce 32 bytes that make otherwise equal requests distinct
 */
public record StorageRequest(String client, Ask ask, Content content, long expiry, byte[] nonce) {
  public StorageRequest {
    if (!client.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("client '" + client + "' is not a 20-byte hex address");
    }
    if (expiry < 0) {
      throw new IllegalArgumentException("expiry " + expiry + " is negative");
    }
    if (nonce.length != 32) {
      throw new IllegalArgumentException("nonce has " + nonce.length + " bytes, not 32");
    }
    nonce = nonce.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  /**
   * {@code keccak256(abi.encode(request))}: the request encoded as one dynamic tuple parameter,
   * so the bytes start with its offset word (spec node §5.2).
   */
  public RequestId id() {
    String encoded = FunctionEncoder.encodeConstructor(List.of(abiTuple()));
    return new RequestId(Hash.sha3(Numeric.hexStringToByteArray(encoded)));
  }

  /** The request as web3j's ABI tuple, field by field in the contract's order. */
  public DynamicStruct abiTuple() {
    return new DynamicStruct(
        new Address(client),
        new StaticStruct(
            new Uint256(ask.proofProbability()),
            new Uint256(ask.pricePerBytePerSecond()),
            new Uint256(ask.collateralPerByte()),
            new Uint64(ask.slots()),
            new Uint64(ask.slotSize()),
            new Uint64(ask.duration()),
            new Uint64(ask.maxSlotLoss())),
        new DynamicStruct(new DynamicBytes(content.cid()), new Bytes32(content.merkleRoot())),
        new Uint64(BigInteger.valueOf(expiry)),
        new Bytes32(nonce));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorageRequest that && client.equalsIgnoreCase(that.client)
        && ask.equals(that.ask) && content.equals(that.content) && expiry == that.expiry
        && Arrays.equals(nonce, that.nonce);
  }

  @Override
  public int hashCode() {
    return id().hashCode();
  }

  @Override
  public String toString() {
    return "StorageRequest[client=" + client + ", ask=" + ask + ", content=" + content
        + ", expiry=" + expiry + ", nonce=" + HexFormat.of().formatHex(nonce) + "]";
  }
}
