package io.slotbeam.node.chain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OnChainClockTest {
  /**
   * The clock follows the chain's latest block: after moving the chain a day ahead it reads a day
   * ahead, and a wait for a time an hour in the chain's future ends as soon as a block at that time
   * is mined, not an hour later.
   */
  @Test
  void followsTheChainsTimeAndWakesAtANewBlock() throws Exception {
    try (TestMarketChain chain = TestMarketChain.start();
        OnChainClock clock = OnChainClock.start(chain.chain.anvil().web3j(), chain.chain.rpcUrl(),
            Duration.ofMillis(100))) {
      long start = chain.latestTimestamp();
      assertTrue(Math.abs(clock.now() - start) <= 2, clock.now() + " vs block " + start);

      chain.mineAt(start + 86_400);
      Thread.sleep(400);
      assertTrue(Math.abs(clock.now() - (start + 86_400)) <= 2, clock.now() + " vs " + (start + 86_400));

      long target = clock.now() + 3600;
      CompletableFuture<Long> woke = CompletableFuture.supplyAsync(() -> {
        try {
          clock.waitUntil(target);
          return clock.now();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(300);
      assertTrue(!woke.isDone(), "still waiting: the chain has not reached the time");
      chain.mineAt(target);
      assertTrue(woke.get(10, TimeUnit.SECONDS) >= target);
    }
  }
}
