package io.slotbeam.node.chain;

import static org.junit.jupiter.api.Assertions.fail;

import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.MarketListener;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import java.util.ArrayList;
import java.util.List;

/** Writes every event down as one line, in the order delivered, and waits for expected ones. */
final class RecordingListener implements MarketListener {
  private final List<String> events = new ArrayList<>();

  private synchronized void add(String event) {
    events.add(event);
    notifyAll();
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** Waits up to 10 s until every one of {@code expected} has been delivered. */
  synchronized void await(String... expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!events.containsAll(List.of(expected))) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        fail("expected events " + List.of(expected) + ", got " + events);
      }
      wait(left);
    }
  }

  @Override
  public void storageRequested(RequestId id, Ask ask, long expiresAt) {
    add("storageRequested " + id + " " + ask + " " + expiresAt);
  }

  @Override
  public void requestFulfilled(RequestId id) {
    add("requestFulfilled " + id);
  }

  @Override
  public void requestCancelled(RequestId id) {
    add("requestCancelled " + id);
  }

  @Override
  public void requestFailed(RequestId id) {
    add("requestFailed " + id);
  }

  @Override
  public void slotFilled(RequestId id, long slotIndex) {
    add("slotFilled " + id + " " + slotIndex);
  }

  @Override
  public void slotFreed(RequestId id, long slotIndex) {
    add("slotFreed " + id + " " + slotIndex);
  }

  @Override
  public void slotReservationsFull(RequestId id, long slotIndex) {
    add("slotReservationsFull " + id + " " + slotIndex);
  }

  @Override
  public void proofSubmitted(SlotId id) {
    add("proofSubmitted " + id);
  }
}
