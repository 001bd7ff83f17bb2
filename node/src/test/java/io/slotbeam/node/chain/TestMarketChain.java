package io.slotbeam.node.chain;

import io.slotbeam.contracts.TestProofs;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * A dev chain for one test class: the marketplace with a 60 s period, 30 s timeout and no
 * downtime (so with proof probability 1 a proof is due every period after the fill), and a
 * verifier whose key has known discrete logarithms ({@link TestProofs}), so a valid proof can be
 * made for whatever challenge the contract asks.
 */
final class TestMarketChain implements AutoCloseable {
  static final long PERIOD = 60;
  static final long TIMEOUT = 30;
  static final int DEPLOYER = 0;
  static final int CLIENT = 1;
  static final int HOST = 2;
  static final int HOST2 = 3;
  static final int VALIDATOR = 4;
  static final int CLIENT2 = 5;
  /** Blocks the tests may mine between reading a challenge and the proof's block. */
  private static final int WRAP_MARGIN = 8;
  static final OnChainMarket.Options OPTIONS =
      OnChainMarket.Options.defaults().withEventPollInterval(Duration.ofMillis(100));

  final DevChain chain;
  private final TestProofs proofs;

  private TestMarketChain(DevChain chain, TestProofs proofs) {
    this.chain = chain;
    this.proofs = proofs;
  }

  static Path repoRoot() {
    return Path.of(System.getProperty("slotbeam.root", "."));
  }

  static TestMarketChain start() throws Exception {
    DevChain chain = DevChain.launch(repoRoot());
    try {
      TestProofs proofs = new TestProofs(chain.anvil().web3j(), chain.anvil().accounts().get(DEPLOYER));
      chain.deploy(DevChain.configuration(PERIOD, TIMEOUT, 0, "test-zkey"), proofs.key());
      return new TestMarketChain(chain, proofs);
    } catch (Exception e) {
      chain.close();
      throw e;
    }
  }

  OnChainMarket market(int account) {
    return chain.market(account, OPTIONS);
  }

  /**
   * A request of {@code slots} 1 KiB slots for 10 periods, expiring after 5, a proof every period
   * (proof probability 1), none of its slots may be lost.
   */
  static StorageRequest request(String client, int nonce, long slots) {
    byte[] root = new byte[32];
    for (int i = 0; i < 31; i++) {
      root[i] = (byte) (nonce * 13 + i);
    }
    byte[] cid = ("test-cid-" + nonce).getBytes(StandardCharsets.US_ASCII);
    byte[] nonceBytes = new byte[32];
    nonceBytes[31] = (byte) nonce;
    return new StorageRequest(client,
        new Ask(BigInteger.ONE, BigInteger.valueOf(2), BigInteger.valueOf(3), slots, 1024,
            10 * PERIOD, 0),
        new Content(cid, root), 5 * PERIOD, nonceBytes);
  }

  /**
   * The proof the contract accepts for {@code slotIndex} of {@code request} in the next block: for
   * the challenge {@code market} reads at the pending block.
   */
  Proof proof(OnChainMarket market, StorageRequest request, long slotIndex) throws IOException {
    SlotId slot = request.id().slotId(slotIndex);
    skipPointerWrap(chain, market, slot);
    return proofFor(ChainEncoding.publicInputs(market.getChallenge(slot),
        request.content().merkleRoot(), slotIndex).values());
  }

  /** A proof that verifies only for {@code inputs}. */
  Proof proofFor(List<Fr> inputs) throws IOException {
    Marketplace.Groth16Proof p = proofs.proofFor(inputs.stream().map(Fr::toBigInteger).toList());
    return ChainEncoding.proofFromWords(List.of(p.a.x, p.a.y, p.b.x.real, p.b.x.imag, p.b.y.real,
        p.b.y.imag, p.c.x, p.c.y));
  }

  /**
   * Mines past a pointer wrap that is less than a few blocks away: the challenge's block moves when
   * the pointer wraps, so a proof read before it would not match a block after it.
   */
  static void skipPointerWrap(DevChain chain, OnChainMarket market, SlotId slot) throws IOException {
    int pointer = market.getPointer(slot);
    if (pointer >= 256 - WRAP_MARGIN) {
      chain.anvil().mine(256 - pointer);
    }
  }

  long latestTimestamp() throws IOException {
    return latestTimestamp(chain);
  }

  static long latestTimestamp(DevChain chain) throws IOException {
    EthBlock.Block latest = chain.anvil().web3j()
        .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    return latest.getTimestamp().longValueExact();
  }

  /** Mines one block at {@code timestamp}. */
  void mineAt(long timestamp) throws IOException {
    chain.anvil().setNextBlockTimestamp(timestamp);
    chain.anvil().mine(1);
  }

  long startNextPeriod() throws IOException {
    return startNextPeriod(chain);
  }

  /** Mines a block one second into the next period and returns that period. */
  static long startNextPeriod(DevChain chain) throws IOException {
    long period = latestTimestamp(chain) / PERIOD + 1;
    chain.anvil().setNextBlockTimestamp(period * PERIOD + 1);
    chain.anvil().mine(1);
    return period;
  }

  @Override
  public void close() {
    chain.close();
  }
}
