package io.slotbeam.node.sales;

import io.slotbeam.node.market.RequestId;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The slots a host may fill, best first ({@link SlotQueueItem#PRIORITY}), and a bounded number of
 * workers taking them (nim-codex {@code SlotQueue}, spec node §7.2).
 *
 * <p>The queue starts paused. Pushing an unseen item unpauses it; a worker that takes a seen item
 * (one no availability matched) puts it back and pauses the queue until an unseen item arrives or
 * {@link #clearSeenFlags} runs (a new or grown availability). When full ({@code maxSize} items) a
 * push evicts the true lowest-priority item (nim-codex drops a heap leaf instead; §12.4) and
 * reports it to the overflow listener. Each worker runs {@code processSlot} on the caller's
 * {@link Executor} and takes the next item only when it returns.
 */
public final class SlotQueue {
  private static final System.Logger LOG = System.getLogger(SlotQueue.class.getName());
  public static final int DEFAULT_MAX_WORKERS = 3;
  public static final int DEFAULT_MAX_SIZE = 128;

  /** Handles one item; returns when the slot is filled or the sale is over. */
  public interface Processor {
    void process(SlotQueueItem item) throws InterruptedException;
  }

  private final int maxWorkers;
  private final int maxSize;
  private final TreeSet<SlotQueueItem> items = new TreeSet<>(SlotQueue::compare);
  private final Consumer<SlotQueueItem> onEvicted;
  private boolean running;
  private boolean paused = true;

  /**
   * @param onEvicted told of each item pushed out by a full queue
   */
  public SlotQueue(int maxWorkers, int maxSize, Consumer<SlotQueueItem> onEvicted) {
    if (maxWorkers < 1 || maxSize < 1) {
      throw new IllegalArgumentException(
          "slot queue needs at least one worker and one place, got " + maxWorkers + " workers, size " + maxSize);
    }
    this.maxWorkers = maxWorkers;
    this.maxSize = maxSize;
    this.onEvicted = onEvicted;
  }

  /** Starts {@code maxWorkers} workers on {@code executor}, each running {@code processor}. */
  public synchronized void start(Executor executor, Processor processor) {
    if (running) {
      throw new IllegalStateException("slot queue is already running");
    }
    running = true;
    for (int i = 0; i < maxWorkers; i++) {
      executor.execute(() -> work(processor));
    }
  }

  /** Stops the workers once their current item is done; items stay. */
  public synchronized void stop() {
    running = false;
    notifyAll();
  }

  public synchronized boolean running() {
    return running;
  }

  public synchronized boolean paused() {
    return paused;
  }

  /**
   * Adds {@code item}; unpauses the queue if it is unseen.
   *
   * @throws IllegalStateException if the queue is not running or already holds that slot
   */
  public void push(SlotQueueItem item) {
    SlotQueueItem evicted = null;
    synchronized (this) {
      if (!running) {
        throw new IllegalStateException("slot queue is not running: cannot push " + describe(item));
      }
      if (items.stream().anyMatch(item::sameSlot)) {
        throw new IllegalStateException("slot queue already holds " + describe(item));
      }
      items.add(item);
      if (items.size() > maxSize) {
        evicted = items.pollLast();
      }
      if (!item.seen()) {
        paused = false;
      }
      notifyAll();
    }
    if (evicted != null) {
      onEvicted.accept(evicted);
    }
  }

  /** Removes one slot's item; nothing when not running. */
  public synchronized void delete(RequestId id, int slotIndex) {
    if (running) {
      items.removeIf(i -> i.requestId().equals(id) && i.slotIndex() == slotIndex);
    }
  }

  /** Removes every item of a request; nothing when not running. */
  public synchronized void delete(RequestId id) {
    if (running) {
      items.removeIf(i -> i.requestId().equals(id));
    }
  }

  /** Marks every item unseen and unpauses: an availability changed, so all are worth a look. */
  public synchronized void clearSeenFlags() {
    List<SlotQueueItem> unseen = items.stream().map(i -> i.withSeen(false)).toList();
    items.clear();
    items.addAll(unseen);
  }

  public synchronized void unpause() {
    paused = false;
    notifyAll();
  }

  public synchronized void pause() {
    paused = true;
  }

  /** The items, best first. */
  public synchronized List<SlotQueueItem> items() {
    return new ArrayList<>(items);
  }

  public synchronized boolean contains(RequestId id, int slotIndex) {
    return items.stream().anyMatch(i -> i.requestId().equals(id) && i.slotIndex() == slotIndex);
  }

  /** The best item, waiting while paused or empty; empty once stopped. */
  synchronized Optional<SlotQueueItem> take() throws InterruptedException {
    while (running && (paused || items.isEmpty())) {
      wait();
    }
    return running ? Optional.of(items.pollFirst()) : Optional.empty();
  }

  private void work(Processor processor) {
    try {
      while (true) {
        Optional<SlotQueueItem> next = take();
        if (next.isEmpty()) {
          return;
        }
        SlotQueueItem item = next.get();
        if (item.seen()) {
          synchronized (this) {
            if (running && items.stream().noneMatch(item::sameSlot)) {
              items.add(item);
            }
            // pause unless the seen flags were cleared meanwhile (an availability changed)
            paused = items.stream().allMatch(SlotQueueItem::seen);
          }
          continue;
        }
        try {
          processor.process(item);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "processing " + describe(item) + " failed: " + e.getMessage(), e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Priority, then identity, so that distinct slots of equal priority both fit in the set. */
  private static int compare(SlotQueueItem a, SlotQueueItem b) {
    int byPriority = SlotQueueItem.PRIORITY.compare(a, b);
    if (byPriority != 0) {
      return byPriority;
    }
    int byRequest = a.requestId().hex().compareTo(b.requestId().hex());
    return byRequest != 0 ? byRequest : Integer.compare(a.slotIndex(), b.slotIndex());
  }

  private static String describe(SlotQueueItem item) {
    return "slot " + item.slotIndex() + " of request " + item.requestId();
  }
}
