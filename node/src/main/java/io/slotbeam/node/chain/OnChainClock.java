package io.slotbeam.node.chain;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.slotbeam.node.market.MarketClock;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * The chain's time (nim-codex {@code OnChainClock}, spec node §6): the local clock plus the offset
 * of the latest block's timestamp, updated whenever a poll finds a higher block number. On a chain
 * whose clock was moved ({@code evm_increaseTime}) this follows the chain, and between blocks it
 * advances with local time. {@link #waitUntil} wakes at each new block and otherwise sleeps until
 * the time should have come.
 */
public final class OnChainClock implements MarketClock, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OnChainClock.class.getName());

  private final ChainRpc rpc;
  private final Clock local;
  private final ScheduledExecutorService poller;
  private final Object lock = new Object();
  /** Guarded by lock. */
  private long offsetMillis;
  private BigInteger lastBlock = BigInteger.valueOf(-1);

  private OnChainClock(ChainRpc rpc, Clock local) {
    this.rpc = rpc;
    this.local = local;
    this.poller = Executors.newSingleThreadScheduledExecutor(
        new ThreadFactoryBuilder().setNameFormat("chain-clock " + rpc.url()).setDaemon(true).build());
  }

  /**
   * Reads the latest block now, then every {@code pollInterval}; {@code web3j} stays the caller's
   * (not shut down by {@link #close}).
   */
  public static OnChainClock start(Web3j web3j, String rpcUrl, Duration pollInterval) {
    OnChainClock clock = new OnChainClock(new ChainRpc(web3j, rpcUrl), Clock.systemUTC());
    clock.update();
    clock.poller.scheduleWithFixedDelay(() -> {
      try {
        clock.update();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "chain clock: could not read the latest block; retrying", e);
      }
    }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    return clock;
  }

  private void update() {
    EthBlock.Block latest = rpc.send("chain clock (latest block)",
        rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    long localMillis = local.millis();
    synchronized (lock) {
      if (latest.getNumber().compareTo(lastBlock) > 0) {
        lastBlock = latest.getNumber();
        offsetMillis = latest.getTimestamp().longValueExact() * 1000 - localMillis;
        lock.notifyAll();
      }
    }
  }

  /** Seconds since the epoch on the chain's clock. */
  @Override
  public long now() {
    synchronized (lock) {
      return Math.floorDiv(local.millis() + offsetMillis, 1000);
    }
  }

  @Override
  public void waitUntil(long time) throws InterruptedException {
    synchronized (lock) {
      for (long left = time - now(); left > 0; left = time - now()) {
        lock.wait(left * 1000);
      }
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
