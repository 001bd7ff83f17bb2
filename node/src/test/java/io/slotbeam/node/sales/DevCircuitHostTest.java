package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.SlotCids;
import io.slotbeam.node.Node;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.groth16.NativeVerifier;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host proving with the small circuit and a development setup, as the dev node does: every
 * proof it sends, at the fill and in a period that requires one, verifies natively for the public
 * inputs the contract builds ({@code [entropy of the challenge, verify root, slot index]}, spec
 * node §5.6) and for no other slot.
 */
class DevCircuitHostTest {
  private static final long PERIOD = 100;
  private static final Path ROOT = Path.of(System.getProperty("slotbeam.root"));

  @TempDir Path dir;
  private Node client;
  private Node host;
  private ProvingCircuit circuit;

  @AfterEach
  void stop() {
    HostFixture.closeAll(host, client, circuit);
  }

  @Test
  void fillAndPeriodicProofsVerifyForTheirSlotsChallenge() throws Exception {
    circuit = ProvingCircuit.open(ProvingCircuit.devFolder(ROOT, CircuitParams.SMALL));
    client = HostFixture.startNode(dir, "client", List.of());
    Manifest verifiable = HostFixture.verifiableDataset(client.store(), 11);
    Cid manifestCid = ManifestCodec.cid(verifiable);
    Fr verifyRoot = SlotCids.root(verifiable.verification().orElseThrow().verifyRoot());
    ManualClock clock = new ManualClock(2_000_000);
    MockMarket market = new MockMarket(MockMarket.config(PERIOD), HostFixture.HOST, clock);
    host = HostFixture.startNode(dir, "host", List.of(client.baseUrl().toString()));
    Sales sales = host.startSales(market, clock, Proving.of(circuit, 0), (s, p, proof) -> {});
    sales.reservations().createAvailability(10_000_000, 5000, BigInteger.ONE, BigInteger.valueOf(100_000_000), true, 0);
    StorageRequest request = HostFixture.request(verifiable, manifestCid, 3000, 600, 2, 5);
    market.requestStorage(request);
    List<SlotId> slots = List.of(request.id().slotId(0), request.id().slotId(1), request.id().slotId(2));
    byte[] challenge = new byte[32];
    challenge[5] = 42;
    for (SlotId slot : slots) {
      market.setChallenge(slot, challenge);
    }
    HostFixture.await("slots downloaded", () -> sales.agents().size() == 3
        && sales.agents().stream().allMatch(a -> a.stateName().equals("SaleInitialProving")));
    clock.awaitWaiters(3, clock.now() + PERIOD + 1); // each sale has chosen the period it waits for
    clock.advance(PERIOD + 1);
    HostFixture.await("slots filled", () -> market.submittedProofs().size() == 3);
    assertEachSlotProved(market.submittedProofs(), challenge, verifyRoot);

    challenge[5] = 43;
    for (SlotId slot : slots) {
      market.setChallenge(slot, challenge);
      market.setProofRequired(slot, true);
    }
    HostFixture.await("slots proving", () -> sales.agents().stream().allMatch(a -> a.stateName().equals("SaleProving")));
    clock.awaitWaiters(3, clock.now() + PERIOD);
    long start = System.nanoTime();
    clock.advance(PERIOD);
    HostFixture.await("periodic proofs", () -> market.submittedProofs().size() == 6);
    System.err.printf("FIGURE period start to 3 submitted small-circuit proofs (mock market): %.0f ms%n",
        (System.nanoTime() - start) / 1e6);
    assertEachSlotProved(market.submittedProofs().subList(3, 6), challenge, verifyRoot);
  }

  /** Each proof verifies for exactly one slot index, and together they cover every slot. */
  private void assertEachSlotProved(List<Proof> proofs, byte[] challenge, Fr verifyRoot) {
    NativeVerifier verifier = new NativeVerifier();
    Fr entropy = CellSelector.entropy(challenge);
    Set<Integer> proved = new HashSet<>();
    for (Proof proof : proofs) {
      int matches = 0;
      for (int slot = 0; slot < 3; slot++) {
        if (verifier.verify(circuit.verificationKey(), PublicInputs.of(entropy, verifyRoot, Fr.of(slot)), proof)) {
          proved.add(slot);
          matches++;
        }
      }
      assertEquals(1, matches, "a proof verifies for exactly one slot");
    }
    assertEquals(Set.of(0, 1, 2), proved);
  }
}
