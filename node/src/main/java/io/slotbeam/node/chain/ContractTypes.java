package io.slotbeam.node.chain;

import io.slotbeam.contracts.generated.Groth16Verifier;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.Fp2;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.MarketConfig;
import io.slotbeam.node.market.StorageRequest;
import java.math.BigInteger;
import java.util.List;

/** The node's market types to and from the web3j wrapper's structs (spec node §5.1), field by field. */
final class ContractTypes {
  private ContractTypes() {}

  static Marketplace.Request request(StorageRequest request) {
    Ask ask = request.ask();
    return new Marketplace.Request(request.client(),
        new Marketplace.Ask(ask.proofProbability(), ask.pricePerBytePerSecond(),
            ask.collateralPerByte(), BigInteger.valueOf(ask.slots()),
            BigInteger.valueOf(ask.slotSize()), BigInteger.valueOf(ask.duration()),
            BigInteger.valueOf(ask.maxSlotLoss())),
        new Marketplace.Content(request.content().cid(), request.content().merkleRoot()),
        BigInteger.valueOf(request.expiry()), request.nonce());
  }

  static StorageRequest request(Marketplace.Request request) {
    return new StorageRequest(request.client, ask(request.ask),
        new Content(request.content.cid, request.content.merkleRoot),
        request.expiry.longValueExact(), request.nonce);
  }

  static Ask ask(Marketplace.Ask ask) {
    return new Ask(ask.proofProbability, ask.pricePerBytePerSecond, ask.collateralPerByte,
        ask.slots.longValueExact(), ask.slotSize.longValueExact(), ask.duration.longValueExact(),
        ask.maxSlotLoss.longValueExact());
  }

  static MarketConfig config(Marketplace.MarketplaceConfig config) {
    return new MarketConfig(
        config.collateral.repairRewardPercentage.intValueExact(),
        config.collateral.maxNumberOfSlashes.intValueExact(),
        config.collateral.slashPercentage.intValueExact(),
        config.collateral.validatorRewardPercentage.intValueExact(),
        config.proofs.period.longValueExact(),
        config.proofs.timeout.longValueExact(),
        config.proofs.downtime.intValueExact(),
        config.proofs.downtimeProduct.intValueExact(),
        config.proofs.zkeyHash,
        config.reservations.maxReservations.intValueExact(),
        config.requestDurationLimit.longValueExact());
  }

  /** The {@code Groth16Proof} struct, unswapped (spec datapath §11.2). */
  static Marketplace.Groth16Proof proof(Proof proof) {
    List<BigInteger> w = ChainEncoding.proofWords(proof);
    return new Marketplace.Groth16Proof(new Marketplace.G1Point(w.get(0), w.get(1)),
        new Marketplace.G2Point(new Marketplace.Fp2Element(w.get(2), w.get(3)),
            new Marketplace.Fp2Element(w.get(4), w.get(5))),
        new Marketplace.G1Point(w.get(6), w.get(7)));
  }

  /** The verifier contract's constructor key: G2 coordinates as (real = c0, imag = c1), unswapped. */
  static Groth16Verifier.VerifyingKey verifyingKey(VerificationKey key) {
    return new Groth16Verifier.VerifyingKey(g1(key.alpha1()), g2(key.beta2()), g2(key.gamma2()),
        g2(key.delta2()), key.ic().stream().map(ContractTypes::g1).toList());
  }

  private static Groth16Verifier.G1Point g1(G1Point point) {
    return new Groth16Verifier.G1Point(point.x().value(), point.y().value());
  }

  private static Groth16Verifier.G2Point g2(G2Point point) {
    return new Groth16Verifier.G2Point(fp2(point.x()), fp2(point.y()));
  }

  private static Groth16Verifier.Fp2Element fp2(Fp2 element) {
    return new Groth16Verifier.Fp2Element(element.c0().value(), element.c1().value());
  }
}
