package io.slotbeam.contracts;

import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.contracts.generated.Marketplace.MarketplaceConfig;
import io.slotbeam.contracts.generated.Marketplace.ProofConfig;
import io.slotbeam.contracts.generated.Marketplace.Request;
import io.slotbeam.contracts.generated.PaymentToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A token, a verifier with the {@link TestProofs} key and a marketplace deployed on a test chain,
 * every account funded and approved, with helpers that make the proofs the contract expects at
 * the next block.
 */
final class MarketFixture {
  static final int CLIENT = 0;
  static final int HOST = 1;
  static final int HOST2 = 2;
  static final int HOST3 = 3;
  static final int VALIDATOR = 4;
  private static final int FUNDED_ACCOUNTS = 5;
  private static final BigInteger FUNDS = BigInteger.TEN.pow(30);
  private static final BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  /** A proof whose points are not even on the curve, for calls that must fail before verifying. */
  static final Marketplace.Groth16Proof UNCHECKED_PROOF = new Marketplace.Groth16Proof(
      new Marketplace.G1Point(BigInteger.ONE, BigInteger.ONE),
      new Marketplace.G2Point(new Marketplace.Fp2Element(BigInteger.ONE, BigInteger.ONE),
          new Marketplace.Fp2Element(BigInteger.ONE, BigInteger.ONE)),
      new Marketplace.G1Point(BigInteger.ONE, BigInteger.ONE));

  final TestChain chain;
  final MarketplaceConfig config;
  private final TestProofs proofs;
  private final String tokenAddress;
  private final String marketAddress;

  private MarketFixture(TestChain chain, MarketplaceConfig config, TestProofs proofs,
      String tokenAddress, String marketAddress) {
    this.chain = chain;
    this.config = config;
    this.proofs = proofs;
    this.tokenAddress = tokenAddress;
    this.marketAddress = marketAddress;
  }

  /** The Codex default configuration (spec node.md §5.8) with a 60 s period and this downtime. */
  static MarketplaceConfig config(int downtime) {
    MarketplaceConfig codex = MarketplaceDeployment.defaultConfiguration("test-zkey");
    return new MarketplaceConfig(codex.collateral,
        new ProofConfig(BigInteger.valueOf(60), codex.proofs.timeout, BigInteger.valueOf(downtime),
            codex.proofs.downtimeProduct, codex.proofs.zkeyHash),
        codex.reservations, codex.requestDurationLimit);
  }

  static MarketFixture deploy(TestChain chain, MarketplaceConfig config) throws Exception {
    chain.mineToDeploymentHeight();
    TestProofs proofs = new TestProofs(chain.anvil.web3j(), chain.accounts.get(0));
    MarketplaceDeployment deployment = MarketplaceDeployment.deploy(chain.anvil.web3j(),
        chain.as(0), TestChain.GAS, config, proofs.key());
    MarketFixture fixture = new MarketFixture(chain, config, proofs, deployment.token(),
        deployment.marketplace());
    for (int i = 0; i < FUNDED_ACCOUNTS; i++) {
      fixture.token(0).mint(chain.accounts.get(i), FUNDS).send();
      fixture.token(i).approve(deployment.marketplace(), UNLIMITED).send();
    }
    return fixture;
  }

  String address(int account) {
    return chain.accounts.get(account);
  }

  Marketplace market(int account) {
    return Marketplace.load(marketAddress, chain.anvil.web3j(), chain.as(account), TestChain.GAS);
  }

  PaymentToken token(int account) {
    return PaymentToken.load(tokenAddress, chain.anvil.web3j(), chain.as(account), TestChain.GAS);
  }

  BigInteger balance(int account) throws Exception {
    return token(0).balanceOf(address(account)).send();
  }

  BigInteger marketBalance() throws Exception {
    return token(0).balanceOf(marketAddress).send();
  }

  long periodSeconds() {
    return config.proofs.period.longValueExact();
  }

  EthBlock.Block block(DefaultBlockParameter which) throws IOException {
    return chain.anvil.web3j().ethGetBlockByNumber(which, false).send().getBlock();
  }

  /** A block's number and timestamp: what the proof rules read from the chain. */
  record Head(long number, long timestamp) {
    Head next() {
      return new Head(number + 1, timestamp + 1);
    }
  }

  Head head() throws IOException {
    EthBlock.Block latest = block(DefaultBlockParameterName.LATEST);
    return new Head(latest.getNumber().longValueExact(), latest.getTimestamp().longValueExact());
  }

  /** Mines one block at {@code timestamp}. */
  void mineAt(long timestamp) throws IOException {
    chain.anvil.setNextBlockTimestamp(timestamp);
    chain.anvil.mine(1);
  }

  /** Mines a block at the start of the next period plus {@code offset} seconds; returns its period. */
  long startNextPeriod(long offset) throws IOException {
    long period = ProofRules.period(head().timestamp(), periodSeconds()) + 1;
    mineAt(period * periodSeconds() + offset);
    return period;
  }

  TransactionReceipt requestStorage(Request request) throws Exception {
    return market(CLIENT).requestStorage(request).send();
  }

  /** Reserves the slot for {@code host} and fills it with the proof valid at the next block. */
  TransactionReceipt fill(Request request, long slotIndex, int host) throws Exception {
    byte[] requestId = TestRequests.requestId(request);
    market(host).reserveSlot(requestId, BigInteger.valueOf(slotIndex)).send();
    return market(host).fillSlot(requestId, BigInteger.valueOf(slotIndex),
        proofForNextBlock(request, slotIndex)).send();
  }

  TransactionReceipt submitProof(Request request, long slotIndex, int host) throws Exception {
    byte[] slotId = TestRequests.slotId(TestRequests.requestId(request), slotIndex);
    return market(host).submitProof(slotId, proofForNextBlock(request, slotIndex)).send();
  }

  /**
   * Pins the next block's timestamp (one second after the latest) and makes the proof for the
   * public inputs the contract will build in that block.
   */
  Marketplace.Groth16Proof proofForNextBlock(Request request, long slotIndex) throws IOException {
    Head next = head().next();
    chain.anvil.setNextBlockTimestamp(next.timestamp());
    return proofs.proofFor(publicInputs(request, slotIndex, next));
  }

  /** [challengeToField(challenge), rootToField(merkleRoot), slotIndex] in block {@code at}. */
  List<BigInteger> publicInputs(Request request, long slotIndex, Head at) throws IOException {
    byte[] slotId = TestRequests.slotId(TestRequests.requestId(request), slotIndex);
    return List.of(ProofRules.challengeToField(challenge(slotId, at)),
        ProofRules.rootToField(request.content.merkleRoot), BigInteger.valueOf(slotIndex));
  }

  /** The slot's challenge as the reference rules compute it for block {@code at}. */
  byte[] challenge(byte[] slotId, Head at) throws IOException {
    EthBlock.Block referenced = block(DefaultBlockParameter.valueOf(
        BigInteger.valueOf(ProofRules.challengeBlock(at.number(), pointer(slotId, at)))));
    return ProofRules.challenge(Numeric.hexStringToByteArray(referenced.getHash()));
  }

  int pointer(byte[] slotId, Head at) {
    return pointerOf(slotId, ProofRules.period(at.timestamp(), periodSeconds()), at.number());
  }

  /** The pointer of {@code period} evaluated in block {@code number}. */
  int pointerOf(byte[] slotId, long period, long number) {
    return ProofRules.pointer(number, period, config.proofs.downtimeProduct.longValueExact(), slotId);
  }

  /** The proof that verifies for exactly these public inputs under the test key. */
  Marketplace.Groth16Proof proofFor(List<BigInteger> inputs) throws IOException {
    return proofs.proofFor(inputs);
  }

  /**
   * The selector of the custom error the call reverts with as an eth_call on the latest block
   * (which runs with that block's number and timestamp), or "no revert".
   */
  String revertOf(int account, RemoteFunctionCall<?> call) throws IOException {
    return revertOf(account, call.encodeFunctionCall());
  }

  String revertOf(int account, String callData) throws IOException {
    EthCall result = chain.anvil.web3j().ethCall(Transaction.createEthCallTransaction(
        address(account), marketAddress, callData),
        DefaultBlockParameterName.LATEST).send();
    if (!result.hasError()) {
      return "no revert";
    }
    Object data = result.getError().getData();
    return data == null ? result.getError().getMessage() : data.toString().replace("\"", "");
  }

  static String selector(String errorSignature) {
    return Hash.sha3String(errorSignature).substring(0, 10);
  }
}
