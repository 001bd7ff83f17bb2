package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.prover.hash.BlockHashers;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputChecker;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.proving.SlotProver;
import java.io.ByteArrayInputStream;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/** Test support for host tests: a client's verifiable dataset and a prover that really samples. */
final class HostFixture {
  static final String HOST = "0x" + "11".repeat(20);
  static final String CLIENT = "0x" + "22".repeat(20);
  /** Not a proof of anything, but a valid point triple: what the fake prover answers. */
  static final Proof FAKE_PROOF =
      new Proof(G1Point.of(BigInteger.ONE, BigInteger.TWO, "a"), G2Point.INFINITY,
          G1Point.of(BigInteger.ONE, BigInteger.TWO, "c"));

  private HostFixture() {}

  /** A verifiable dataset: 4 blocks of data, K = 2, M = 1, so 3 slots of 2 blocks (fits the small circuit). */
  static Manifest verifiableDataset(BlockStore store, long seed) throws IOException {
    byte[] data = new byte[4 * Chunker.DEFAULT_BLOCK_SIZE - 100];
    new Random(seed).nextBytes(data);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Manifest plain = Upload.store(new ByteArrayInputStream(data), Chunker.DEFAULT_BLOCK_SIZE, Optional.empty(),
          Optional.empty(), store).manifest();
      Manifest protectedManifest = new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, 2, 1)
          .manifest();
      return new DatasetSlots(store, workers, BlockHashers.fastest())
          .build(protectedManifest, VerificationInfo.DEFAULT_CELL_SIZE).verifiable().manifest();
    } finally {
      workers.shutdownNow();
    }
  }

  /** A request for every slot of {@code verifiable}, as a client would make it. */
  static StorageRequest request(Manifest verifiable, io.slotbeam.core.cid.Cid manifestCid, long duration,
      long expiry, long price, int nonce) {
    long slotSize = verifiable.numSlotBlocks() * verifiable.blockSize();
    Ask ask = new Ask(BigInteger.ONE, BigInteger.valueOf(price), BigInteger.ONE, verifiable.numSlots(), slotSize,
        duration, 1);
    Fr verifyRoot = io.slotbeam.core.slots.SlotCids.root(verifiable.verification().orElseThrow().verifyRoot());
    byte[] nonceBytes = new byte[32];
    nonceBytes[0] = (byte) nonce;
    return new StorageRequest(CLIENT, ask, new Content(manifestCid.toBytes(), verifyRoot.toBytes()), expiry,
        nonceBytes);
  }

  /**
   * A prover that samples the slot for real (so the host must hold its blocks and slot tree) and
   * checks the input against the small circuit, then answers {@link #FAKE_PROOF}; it records the
   * entropy and slot of every call.
   */
  static final class SamplingProver implements SlotProver {
    record Call(int slotIndex, Fr entropy) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public Proof prove(BlockStore store, Manifest verifiable, int slotIndex, Fr entropy) throws IOException {
      ProofInput input = new Sampler(store, CellHasher.fastest()).sample(verifiable, slotIndex, entropy, CircuitParams.SMALL);
      ProofInputChecker.Result result = ProofInputChecker.check(input, CircuitParams.SMALL);
      assertTrue(result.ok(), result.failures().toString());
      calls.add(new Call(slotIndex, entropy));
      return FAKE_PROOF;
    }
  }

  /** A node on loopback with its repository in {@code dir/name}, fetching from {@code peers}. */
  static Node startNode(Path dir, String name, List<String> peers) throws IOException {
    return Node.start(new NodeConfig(dir.resolve(name), "127.0.0.1", 0, NodeConfig.DEFAULT_QUOTA,
        NodeConfig.DEFAULT_BLOCK_TTL, NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, 1000, peers), Clock.systemUTC());
  }

  /** Closes each of {@code closeables} that is not null, in order. */
  static void closeAll(AutoCloseable... closeables) {
    for (AutoCloseable closeable : closeables) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new AssertionError("cannot close " + closeable, e);
      }
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not reached in 60 s");
      }
      Thread.sleep(20);
    }
  }
}
