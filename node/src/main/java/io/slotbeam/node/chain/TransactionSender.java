package io.slotbeam.node.chain;

import io.slotbeam.node.market.MarketException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs and sends the signer's transactions (EIP-1559) one nonce after the other, and waits for
 * each one's receipt (one confirmation, spec node §6).
 *
 * <p>Nonces: one lock covers choosing the nonce and handing the signed transaction to the chain,
 * so concurrent callers never share a nonce. The first nonce is the account's transaction count at
 * the {@code pending} block, so a restarted node continues where it stopped; when the chain answers
 * "nonce too low" (another process sent with the same key) the count is read again and the
 * transaction re-signed once. Gas is the chain's estimate times a per-call factor; an estimate
 * that reverts is the call's revert, decoded by {@link Reverts}.
 */
final class TransactionSender {
  private static final Logger LOG = Logger.getLogger(TransactionSender.class.getName());
  /** Receipts are polled every 100 ms (web3j's default is 15 s, TOOLCHAIN.md §5a). */
  static final Duration RECEIPT_POLL = Duration.ofMillis(100);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofMinutes(5);

  private final ChainRpc rpc;
  private final Credentials signer;
  private final long chainId;
  private final BigInteger defaultPriorityFee;
  private final ReentrantLock nonceLock = new ReentrantLock();
  /** The next nonce to use, or null to read it from the chain first; guarded by nonceLock. */
  private BigInteger nextNonce;

  TransactionSender(ChainRpc rpc, Credentials signer, BigInteger defaultPriorityFee) {
    this.rpc = rpc;
    this.signer = signer;
    this.defaultPriorityFee = defaultPriorityFee;
    this.chainId = rpc.send("eth_chainId", rpc.web3j().ethChainId()).getChainId().longValueExact();
  }

  String address() {
    return signer.getAddress();
  }

  /**
   * Sends {@code data} to {@code to} with gas = estimate · {@code gasPercent} / 100 and returns
   * the receipt of its block; {@code call} names it in exceptions.
   */
  TransactionReceipt send(String call, String to, String data, int gasPercent) {
    BigInteger gas = estimateGas(call, to, data)
        .multiply(BigInteger.valueOf(gasPercent)).divide(BigInteger.valueOf(100));
    String hash = signAndSend(call, to, data, gas);
    TransactionReceipt receipt = awaitReceipt(call, hash);
    if (!receipt.isStatusOK()) {
      throw new MarketException(call + ": transaction " + hash + " reverted in block "
          + receipt.getBlockNumber() + " (gas used " + receipt.getGasUsed() + " of " + gas + ")");
    }
    return receipt;
  }

  private BigInteger estimateGas(String call, String to, String data) {
    EthEstimateGas estimate = rpc.send(call, rpc.web3j().ethEstimateGas(
        Transaction.createFunctionCallTransaction(address(), null, null, null, to, data)));
    if (estimate.hasError()) {
      throw Reverts.exception(call, estimate.getError());
    }
    return estimate.getAmountUsed();
  }

  /**
   * Signs with the next nonce and hands the transaction to the chain. Waiting for the nonce lock
   * is interruptible: the holder may be retrying an unreachable chain for minutes.
   */
  private String signAndSend(String call, String to, String data, BigInteger gas) {
    try {
      nonceLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MarketException(call + ": interrupted while another transaction of " + address() + " was being sent", e);
    }
    try {
      for (boolean resynced = false; ; resynced = true) {
        if (nextNonce == null) {
          nextNonce = pendingNonce(call);
        }
        BigInteger priorityFee = priorityFee(call);
        BigInteger maxFee = baseFee(call).multiply(BigInteger.TWO).add(priorityFee);
        RawTransaction transaction = RawTransaction.createTransaction(
            chainId, nextNonce, gas, to, BigInteger.ZERO, data, priorityFee, maxFee);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(transaction, signer));
        EthSendTransaction sent;
        try {
          sent = rpc.send(call, rpc.web3j().ethSendRawTransaction(signed));
        } catch (MarketException unreachable) {
          nextNonce = null; // the chain may or may not have it: ask again next time
          throw unreachable;
        }
        String error = sent.hasError() ? sent.getError().getMessage().toLowerCase(Locale.ROOT) : "";
        if (!sent.hasError() || error.contains("already known")) {
          // "already known": an earlier attempt of ChainRpc's reached the chain after all.
          nextNonce = nextNonce.add(BigInteger.ONE);
          return Hash.sha3(signed);
        }
        nextNonce = null;
        if (!resynced && error.contains("nonce too low")) {
          LOG.info(() -> call + ": nonce too low, another sender used this key; reading it again");
          continue;
        }
        throw Reverts.exception(call, sent.getError());
      }
    } finally {
      nonceLock.unlock();
    }
  }

  private BigInteger pendingNonce(String call) {
    EthGetTransactionCount count = rpc.send(call + " (nonce)", rpc.web3j()
        .ethGetTransactionCount(address(), DefaultBlockParameterName.PENDING));
    if (count.hasError()) {
      throw Reverts.exception(call + " (nonce)", count.getError());
    }
    return count.getTransactionCount();
  }

  /** {@code eth_maxPriorityFeePerGas}, or the configured default when the chain has none. */
  private BigInteger priorityFee(String call) {
    EthMaxPriorityFeePerGas fee = rpc.send(call + " (priority fee)", rpc.web3j().ethMaxPriorityFeePerGas());
    return fee.hasError() || fee.getResult() == null ? defaultPriorityFee : fee.getMaxPriorityFeePerGas();
  }

  private BigInteger baseFee(String call) {
    EthBlock.Block latest = rpc.send(call + " (base fee)",
        rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    return Optional.ofNullable(latest.getBaseFeePerGasRaw()).map(Numeric::decodeQuantity)
        .orElseThrow(() -> new MarketException(call + ": block " + latest.getNumber()
            + " has no base fee; the chain must support EIP-1559 (London or later)"));
  }

  private TransactionReceipt awaitReceipt(String call, String hash) {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (true) {
      EthGetTransactionReceipt answer = rpc.send(call + " (receipt)",
          rpc.web3j().ethGetTransactionReceipt(hash));
      if (answer.hasError()) {
        throw Reverts.exception(call + " (receipt)", answer.getError());
      }
      Optional<TransactionReceipt> receipt = answer.getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      if (System.nanoTime() > deadline) {
        throw new MarketException(call + ": transaction " + hash + " has no receipt after "
            + RECEIPT_TIMEOUT.toMinutes() + " min");
      }
      ChainRpc.sleep(call, RECEIPT_POLL);
    }
  }
}
