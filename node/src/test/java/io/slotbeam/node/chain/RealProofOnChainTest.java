package io.slotbeam.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.ProofInvalidException;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.circuit.SlotProof;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our prover's proofs on chain: a dataset encoded (K = 2, M = 1) and slot-built with core, its
 * verify root in the request's {@code content.merkleRoot} (32 bytes little-endian, spec node
 * §5.6), the small circuit with its development setup, and the verifier contract deployed with
 * that setup's key. A host fills a slot with the proof of its sampled cells for the challenge the
 * contract asks (entropy = the challenge's first 31 bytes little-endian), proves again in the next
 * period, and a proof for an earlier period's challenge is rejected.
 */
class RealProofOnChainTest {
  private static final InMemoryBlockStore store = new InMemoryBlockStore();
  private static ProvingCircuit circuit;
  private static DatasetSlots.Built dataset;
  private static DevChain chain;
  private static OnChainMarket client;
  private static OnChainMarket host;

  @BeforeAll
  static void setUp() throws Exception {
    circuit = ProvingCircuit.open(ProvingCircuit.devFolder(TestMarketChain.repoRoot(), CircuitParams.SMALL));
    byte[] content = new byte[3 * 65536 + 1000];
    new Random(21).nextBytes(content);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Manifest plain = Upload.store(new ByteArrayInputStream(content), 65536, Optional.empty(),
          Optional.empty(), store).manifest();
      Manifest protectedManifest =
          new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, 2, 1).manifest();
      dataset = new DatasetSlots(store, workers, BlockHasher.java()).build(protectedManifest, 2048);
    } finally {
      workers.shutdownNow();
    }
    chain = DevChain.start(TestMarketChain.repoRoot(),
        DevChain.configuration(TestMarketChain.PERIOD, TestMarketChain.TIMEOUT, 0, "small-dev"),
        ContractTypes.verifyingKey(circuit.verificationKey()));
    client = chain.market(TestMarketChain.CLIENT, TestMarketChain.OPTIONS);
    host = chain.market(TestMarketChain.HOST, TestMarketChain.OPTIONS);
  }

  @AfterAll
  static void tearDown() {
    for (AutoCloseable closeable : new AutoCloseable[] {client, host, chain, circuit}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Manifest verifiable() {
    return dataset.verifiable().manifest();
  }

  /** Our proof of {@code slotIndex} for the challenge the marketplace asks at the pending block. */
  private static SlotProof proveForChallenge(SlotId slot, int slotIndex) throws IOException {
    TestMarketChain.skipPointerWrap(chain, host, slot);
    SlotProof proof = circuit.proveSlot(store, verifiable(), slotIndex,
        ChainEncoding.challengeToField(host.getChallenge(slot)));
    assertTrue(proof.verified(), "natively");
    return proof;
  }

  @Test
  void ourProofsOfARealSlotFillItAndPassWhenDue() throws Exception {
    Manifest verifiable = verifiable();
    StorageRequest request = new StorageRequest(client.signer(),
        new Ask(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, verifiable.numSlots(),
            verifiable.numSlotBlocks() * 65536, 10 * TestMarketChain.PERIOD, 1),
        new Content(dataset.verifiable().manifestCid().toBytes(), dataset.verifyRoot().toBytes()),
        5 * TestMarketChain.PERIOD, new byte[32]);
    client.requestStorage(request);
    RequestId id = request.id();
    assertEquals(List.of(id), client.myRequests());

    int slotIndex = 1;
    SlotId slot = id.slotId(slotIndex);
    host.reserveSlot(id, slotIndex);
    TestMarketChain.startNextPeriod(chain);
    SlotProof fill = proveForChallenge(slot, slotIndex);
    assertEquals(ChainEncoding.publicInputs(host.getChallenge(slot), request.content().merkleRoot(), slotIndex),
        fill.publicInputs(), "the public inputs the contract builds (spec node §5.6)");
    host.fillSlot(id, slotIndex, fill.proof(), host.slotCollateral(id, slotIndex));
    assertEquals(SlotState.FILLED, host.slotState(slot));

    TestMarketChain.startNextPeriod(chain);
    assertTrue(host.isProofRequired(slot));
    SlotProof due = proveForChallenge(slot, slotIndex);
    host.submitProof(slot, due.proof());

    TestMarketChain.startNextPeriod(chain);
    ProofInvalidException stale = assertThrows(ProofInvalidException.class, () -> host.submitProof(slot, due.proof()),
        "the previous period's proof answers another challenge");
    assertEquals("submitProof(" + slot + "): reverted with Proofs_InvalidProof (0xfcd03a47)", stale.getMessage());
    host.submitProof(slot, proveForChallenge(slot, slotIndex).proof());
  }
}
