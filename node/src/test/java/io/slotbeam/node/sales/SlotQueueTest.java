package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.node.market.RequestId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlotQueueTest {
  private final ExecutorService workers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  private static RequestId request(int n) {
    byte[] id = new byte[32];
    id[31] = (byte) n;
    return new RequestId(id);
  }

  private static SlotQueueItem item(int request, int slot, long size, long duration, long price, long collateral,
      Long expiry, boolean seen) {
    return new SlotQueueItem(request(request), slot, size, duration, BigInteger.valueOf(price),
        BigInteger.valueOf(collateral), Optional.ofNullable(expiry), seen);
  }

  /** nim-codex's comparator as the spec gives it (node §7.2): weights 16, 8, 4, 2; a before b iff scoreA > scoreB. */
  private static boolean nimBefore(SlotQueueItem a, SlotQueueItem b) {
    int scoreA = 0;
    int scoreB = 0;
    if (!a.seen() && b.seen()) {
      scoreA += 16;
    }
    if (a.seen() && !b.seen()) {
      scoreB += 16;
    }
    int profit = a.profitability().compareTo(b.profitability());
    if (profit > 0) {
      scoreA += 8;
    }
    if (profit < 0) {
      scoreB += 8;
    }
    int collateral = a.collateral().compareTo(b.collateral());
    if (collateral < 0) {
      scoreA += 4;
    }
    if (collateral > 0) {
      scoreB += 4;
    }
    if (a.expiry().isPresent() && b.expiry().isPresent()) {
      if (a.expiry().get() > b.expiry().get()) {
        scoreA += 2;
      }
      if (a.expiry().get() < b.expiry().get()) {
        scoreB += 2;
      }
    }
    return scoreA > scoreB;
  }

  @Test
  void priorityAgreesWithNimCodexWeightedComparatorOnRandomItems() {
    Random random = new Random(22);
    for (int n = 0; n < 5000; n++) {
      SlotQueueItem a = randomItem(random, 1);
      SlotQueueItem b = randomItem(random, 2);
      int order = SlotQueueItem.PRIORITY.compare(a, b);
      assertEquals(nimBefore(a, b), order < 0, a + " vs " + b);
      assertEquals(nimBefore(b, a), order > 0, b + " vs " + a);
    }
  }

  private static SlotQueueItem randomItem(Random random, int request) {
    return item(request, 0, 1 + random.nextInt(3), 1 + random.nextInt(3), random.nextInt(3), random.nextInt(3),
        random.nextBoolean() ? null : (long) random.nextInt(3), random.nextBoolean());
  }

  @Test
  void workersTakeUnseenBeforeSeenThenProfitThenLowCollateralThenLateExpiry() throws Exception {
    SlotQueueItem seenRich = item(1, 0, 100, 100, 100, 0, 50L, true);
    SlotQueueItem poor = item(2, 0, 1, 1, 1, 0, 50L, false);
    SlotQueueItem rich = item(3, 0, 10, 10, 10, 0, 50L, false);
    SlotQueueItem richCostly = item(4, 0, 10, 10, 10, 5, 90L, false);
    SlotQueueItem richLate = item(5, 0, 10, 10, 10, 0, 60L, false);
    SlotQueue queue = new SlotQueue(1, 16, i -> {});
    BlockingQueue<SlotQueueItem> taken = new LinkedBlockingQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    queue.start(workers, i -> {
      taken.add(i);
      go.await();
    });
    SlotQueueItem blocker = item(9, 0, 1, 1, 1, 0, null, false);
    queue.push(blocker);
    assertEquals(blocker, taken.poll(5, TimeUnit.SECONDS), "the only worker is busy with the first item");
    List<SlotQueueItem> all = new ArrayList<>(List.of(seenRich, poor, rich, richCostly, richLate));
    Collections.shuffle(all, new Random(1));
    all.forEach(queue::push);
    assertEquals(List.of(richLate, rich, richCostly, poor, seenRich), queue.items());
    go.countDown();
    List<SlotQueueItem> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      order.add(taken.poll(5, TimeUnit.SECONDS));
    }
    assertEquals(List.of(richLate, rich, richCostly, poor), order);
    awaitTrue(queue::paused);
    assertEquals(List.of(seenRich), queue.items(), "the seen item goes back and the queue pauses");
    queue.stop();
  }

  @Test
  void expiryOnlyBreaksTiesWhenBothItemsHaveOne() {
    SlotQueueItem early = item(1, 0, 10, 10, 10, 0, 10L, false);
    SlotQueueItem none = item(2, 0, 10, 10, 10, 0, null, false);
    SlotQueueItem late = item(3, 0, 10, 10, 10, 0, 20L, false);
    assertEquals(0, SlotQueueItem.PRIORITY.compare(early, none));
    assertEquals(0, SlotQueueItem.PRIORITY.compare(none, late));
    assertTrue(SlotQueueItem.PRIORITY.compare(late, early) < 0);
  }

  @Test
  void startsPausedAndAnUnseenPushUnpausesButASeenOneDoesNot() {
    SlotQueue queue = new SlotQueue(1, 16, i -> {});
    queue.start(workers, i -> Thread.sleep(Long.MAX_VALUE));
    assertTrue(queue.paused());
    queue.push(item(1, 0, 1, 1, 1, 1, null, true));
    assertTrue(queue.paused(), "a seen item leaves the queue paused");
    queue.push(item(1, 1, 1, 1, 1, 1, null, false));
    assertFalse(queue.paused());
    queue.stop();
  }

  @Test
  void clearingSeenFlagsLetsPausedItemsBeTakenAgain() throws Exception {
    SlotQueue queue = new SlotQueue(1, 16, i -> {});
    BlockingQueue<SlotQueueItem> taken = new LinkedBlockingQueue<>();
    queue.start(workers, taken::add);
    queue.push(item(1, 0, 1, 1, 1, 1, null, true));
    assertEquals(null, taken.poll(200, TimeUnit.MILLISECONDS), "paused: nothing taken");
    queue.clearSeenFlags();
    queue.unpause();
    SlotQueueItem next = taken.poll(5, TimeUnit.SECONDS);
    assertEquals(item(1, 0, 1, 1, 1, 1, null, false), next);
    queue.stop();
  }

  @Test
  void rejectsPushWhenStoppedAndDuplicatesOfTheSameSlot() {
    SlotQueue queue = new SlotQueue(1, 16, i -> {});
    SlotQueueItem one = item(1, 0, 1, 1, 1, 1, null, true);
    IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> queue.push(one));
    assertTrue(stopped.getMessage().contains("not running"), stopped.getMessage());
    queue.start(workers, i -> {});
    queue.push(one);
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> queue.push(item(1, 0, 9, 9, 9, 9, 5L, true)));
    assertTrue(twice.getMessage().contains("already holds slot 0 of request " + request(1)), twice.getMessage());
    queue.stop();
  }

  @Test
  void aFullQueueEvictsItsLowestPriorityItemWhereverItSits() {
    List<SlotQueueItem> evicted = new ArrayList<>();
    SlotQueue queue = new SlotQueue(1, 3, evicted::add);
    queue.start(workers, i -> {});
    SlotQueueItem worst = item(1, 0, 1, 1, 1, 1, null, true);
    queue.push(worst);
    queue.push(item(2, 0, 5, 5, 5, 1, null, true));
    queue.push(item(3, 0, 3, 3, 3, 1, null, true));
    queue.push(item(4, 0, 4, 4, 4, 1, null, true));
    assertEquals(List.of(worst), evicted);
    assertEquals(3, queue.items().size());
    assertFalse(queue.contains(request(1), 0));
    queue.stop();
  }

  @Test
  void deletesOneSlotOrAWholeRequest() {
    SlotQueue queue = new SlotQueue(1, 16, i -> {});
    queue.start(workers, i -> {});
    queue.push(item(1, 0, 1, 1, 1, 1, null, true));
    queue.push(item(1, 1, 1, 1, 1, 1, null, true));
    queue.push(item(2, 0, 1, 1, 1, 1, null, true));
    queue.delete(request(1), 1);
    assertEquals(2, queue.items().size());
    queue.delete(request(1));
    assertEquals(List.of(item(2, 0, 1, 1, 1, 1, null, true)), queue.items());
    queue.stop();
  }

  @Test
  void noMoreThanMaxWorkersProcessAtOnce() throws Exception {
    SlotQueue queue = new SlotQueue(2, 16, i -> {});
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(6);
    queue.start(workers, i -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      Thread.sleep(30);
      running.decrementAndGet();
      done.countDown();
    });
    for (int s = 0; s < 6; s++) {
      queue.push(item(1, s, 1, 1, 1, 1, null, false));
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(2, most.get());
    queue.stop();
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 10 s");
      }
      Thread.sleep(10);
    }
  }
}
