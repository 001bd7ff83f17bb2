package io.slotbeam.node.chain;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketListener;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * A subscription to the marketplace's events by polling {@code eth_getLogs} over HTTP with a block
 * cursor: each poll asks for the logs from the block after the last one seen up to the latest
 * block, then moves the cursor. HTTP polling, not WebSocket filters, because chains such as
 * hardhat silently drop filters after minutes (spec node §6, nim-ethers' {@code ws_resubscribe}).
 * Events reach the listener in chain order on the subscription's one thread; a listener that throws
 * is logged and the events after it are still delivered.
 */
final class EventPoller implements Market.Subscription {
  private static final Logger LOG = Logger.getLogger(EventPoller.class.getName());

  /**
   * Blocks one {@code eth_getLogs} covers at most, so a subscription that fell behind (a slow
   * listener, an unreachable chain) catches up in bounded answers; public providers cap the range
   * too (often at 1,000 to 10,000 blocks).
   */
  static final int MAX_BLOCKS_PER_QUERY = 1000;

  private final ChainRpc rpc;
  private final String marketplace;
  private final MarketListener listener;
  private final ScheduledExecutorService thread;
  /** The first block not yet read; touched only on the poller's thread after start. */
  private BigInteger cursor;

  private EventPoller(ChainRpc rpc, String marketplace, MarketListener listener, BigInteger cursor) {
    this.rpc = rpc;
    this.marketplace = marketplace;
    this.listener = listener;
    this.cursor = cursor;
    this.thread = Executors.newSingleThreadScheduledExecutor(
        new ThreadFactoryBuilder().setNameFormat("marketplace-events-%d").setDaemon(true).build());
  }

  /** The last block of one {@code eth_getLogs} from {@code from} towards {@code latest}. */
  static BigInteger queryEnd(BigInteger from, BigInteger latest) {
    return latest.min(from.add(BigInteger.valueOf(MAX_BLOCKS_PER_QUERY - 1)));
  }

  /** Delivers the events of the blocks after the current one, polling every {@code interval}. */
  static EventPoller start(ChainRpc rpc, String marketplace, MarketListener listener, Duration interval) {
    BigInteger latest = rpc.send("subscribe (block number)", rpc.web3j().ethBlockNumber()).getBlockNumber();
    EventPoller poller = new EventPoller(rpc, marketplace, listener, latest.add(BigInteger.ONE));
    poller.thread.scheduleWithFixedDelay(poller::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return poller;
  }

  private void poll() {
    try {
      BigInteger latest = rpc.send("events (block number)", rpc.web3j().ethBlockNumber()).getBlockNumber();
      while (latest.compareTo(cursor) >= 0) {
        BigInteger to = queryEnd(cursor, latest);
        EthLog logs = rpc.send("events (eth_getLogs)", rpc.web3j().ethGetLogs(new EthFilter(
            DefaultBlockParameter.valueOf(cursor), DefaultBlockParameter.valueOf(to), marketplace)));
        if (logs.hasError()) {
          LOG.warning(() -> "events: eth_getLogs " + cursor + ".." + to + " failed: "
              + logs.getError().getMessage() + "; retrying at the next poll");
          return;
        }
        for (EthLog.LogResult<?> result : logs.getLogs()) {
          deliver((Log) result.get());
        }
        cursor = to.add(BigInteger.ONE);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "events: polling failed; retrying at the next poll", e);
    }
  }

  private void deliver(Log log) {
    List<String> topics = log.getTopics();
    if (topics.isEmpty()) {
      return;
    }
    String topic = topics.get(0);
    try {
      if (is(topic, Marketplace.STORAGEREQUESTED_EVENT)) {
        var event = Marketplace.getStorageRequestedEventFromLog(log);
        listener.storageRequested(new RequestId(event.requestId), ContractTypes.ask(event.ask),
            event.expiry.longValueExact());
      } else if (is(topic, Marketplace.REQUESTFULFILLED_EVENT)) {
        listener.requestFulfilled(new RequestId(Marketplace.getRequestFulfilledEventFromLog(log).requestId));
      } else if (is(topic, Marketplace.REQUESTCANCELLED_EVENT)) {
        listener.requestCancelled(new RequestId(Marketplace.getRequestCancelledEventFromLog(log).requestId));
      } else if (is(topic, Marketplace.REQUESTFAILED_EVENT)) {
        listener.requestFailed(new RequestId(Marketplace.getRequestFailedEventFromLog(log).requestId));
      } else if (is(topic, Marketplace.SLOTFILLED_EVENT)) {
        var event = Marketplace.getSlotFilledEventFromLog(log);
        slot(event.requestId, event.slotIndex, listener::slotFilled);
      } else if (is(topic, Marketplace.SLOTFREED_EVENT)) {
        var event = Marketplace.getSlotFreedEventFromLog(log);
        slot(event.requestId, event.slotIndex, listener::slotFreed);
      } else if (is(topic, Marketplace.SLOTRESERVATIONSFULL_EVENT)) {
        var event = Marketplace.getSlotReservationsFullEventFromLog(log);
        slot(event.requestId, event.slotIndex, listener::slotReservationsFull);
      } else if (is(topic, Marketplace.PROOFSUBMITTED_EVENT)) {
        listener.proofSubmitted(new SlotId(Marketplace.getProofSubmittedEventFromLog(log).id));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "events: the listener failed on the log of transaction "
          + log.getTransactionHash() + " (topic " + topic + ")", e);
    }
  }

  private interface SlotEvent {
    void accept(RequestId id, long slotIndex);
  }

  private static void slot(byte[] requestId, BigInteger slotIndex, SlotEvent handler) {
    handler.accept(new RequestId(requestId), slotIndex.longValueExact());
  }

  private static boolean is(String topic, Event event) {
    return topic.equalsIgnoreCase(EventEncoder.encode(event));
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
