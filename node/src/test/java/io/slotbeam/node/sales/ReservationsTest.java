package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.repo.QuotaExceededException;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Availabilities and reservations against a real repository, reopened between steps as a crash
 * would leave it: the reserved quota always equals the free bytes of the availabilities plus the
 * undownloaded bytes of the reservations.
 */
class ReservationsTest {
  private static final long QUOTA = 10_000;
  private static final BigInteger PRICE = BigInteger.TEN;
  private static final BigInteger COLLATERAL = BigInteger.valueOf(1000);

  @TempDir Path dir;
  private RocksBlockStore repo;
  private Reservations reservations;

  @AfterEach
  void close() {
    repo.close();
  }

  private void open() throws IOException {
    if (repo != null) {
      repo.close();
    }
    repo = RocksBlockStore.open(dir, QUOTA, Duration.ofDays(1), Clock.systemUTC());
    reservations = new Reservations(repo);
  }

  private static RequestId request(int n) {
    byte[] id = new byte[32];
    id[0] = (byte) n;
    return new RequestId(id);
  }

  /** The invariant every batch keeps (spec node §7.1, §3.3). */
  private void assertAccountingAdds() {
    long free = reservations.availabilities().stream().mapToLong(Availability::freeSize).sum();
    long pending = reservations.reservations().stream().mapToLong(Reservation::size).sum();
    assertEquals(free + pending, repo.usage().reserved(),
        "reserved quota = free bytes " + free + " + undownloaded reservation bytes " + pending);
  }

  @Test
  void accountingHoldsAfterAReopenBetweenEveryStepOfASale() throws IOException {
    open();
    Availability a = reservations.createAvailability(4000, 600, PRICE, COLLATERAL, true, 0);
    open();
    assertEquals(4000, repo.usage().reserved());
    assertAccountingAdds();
    Reservation r = reservations.createReservation(a.id(), 1500, request(1), 2, BigInteger.TWO, 900);
    open();
    assertAccountingAdds();
    Availability debited = reservations.availability(a.id()).orElseThrow();
    assertEquals(2500, debited.freeSize());
    assertEquals(COLLATERAL.subtract(BigInteger.valueOf(3000)).max(BigInteger.ZERO), debited.totalRemainingCollateral());
    reservations.release(r.id(), a.id(), 1000); // one downloaded batch: reserved → used
    open();
    assertAccountingAdds();
    assertEquals(500, reservations.reservation(a.id(), r.id()).orElseThrow().size());
    assertEquals(3000, repo.usage().reserved());
    reservations.returnBytesToAvailability(a.id(), r.id(), 1500);
    open();
    assertAccountingAdds();
    reservations.deleteReservation(r.id(), a.id(), Optional.of(BigInteger.valueOf(7)));
    open();
    assertAccountingAdds();
    Availability after = reservations.availability(a.id()).orElseThrow();
    assertEquals(4000, after.freeSize(), "downloaded bytes came back and the rest was released");
    assertEquals(List.of(), reservations.reservations());
    assertEquals(4000, repo.usage().reserved());
  }

  @Test
  void aFailedWriteChangesNeitherRecordsNorQuota() throws IOException {
    open();
    Availability a = reservations.createAvailability(6000, 600, PRICE, COLLATERAL, true, 0);
    QuotaExceededException full = assertThrows(QuotaExceededException.class,
        () -> reservations.createAvailability(5000, 600, PRICE, COLLATERAL, true, 0));
    assertTrue(full.getMessage().contains("5000"), full.getMessage());
    Reservation r = reservations.createReservation(a.id(), 2000, request(1), 0, BigInteger.ONE, 900);
    BytesOutOfBoundsException tooMuch =
        assertThrows(BytesOutOfBoundsException.class, () -> reservations.release(r.id(), a.id(), 2001));
    assertTrue(tooMuch.getMessage().contains("2001") && tooMuch.getMessage().contains("2000"), tooMuch.getMessage());
    BytesOutOfBoundsException noRoom = assertThrows(BytesOutOfBoundsException.class,
        () -> reservations.createReservation(a.id(), 4001, request(2), 0, BigInteger.ONE, 900));
    assertTrue(noRoom.getMessage().contains("4000 free bytes"), noRoom.getMessage());
    open();
    assertEquals(List.of(a.id()), reservations.availabilities().stream().map(Availability::id).toList());
    assertEquals(List.of(r), reservations.reservations());
    assertEquals(6000, repo.usage().reserved());
    assertAccountingAdds();
  }

  @Test
  void findTakesTheFirstMatchingAvailabilityInIdOrderAndChecksEveryCondition() throws IOException {
    open();
    Availability a = reservations.createAvailability(3000, 600, PRICE, COLLATERAL, true, 0);
    Availability b = reservations.createAvailability(3000, 600, PRICE, COLLATERAL, true, 0);
    Availability first = a.id().compareTo(b.id()) < 0 ? a : b;
    assertEquals(Optional.of(first), reservations.find(3000, 600, PRICE, BigInteger.ZERO, 100));
    assertEquals(Optional.empty(), reservations.find(3001, 600, PRICE, BigInteger.ZERO, 100), "too big");
    assertEquals(Optional.empty(), reservations.find(100, 601, PRICE, BigInteger.ZERO, 100), "too long");
    assertEquals(Optional.empty(), reservations.find(100, 600, BigInteger.valueOf(9), BigInteger.ZERO, 100), "too cheap");
    // maxCollateralPerByte = 1000 / 3000 = 0
    assertEquals(Optional.empty(), reservations.find(100, 600, PRICE, BigInteger.ONE, 100), "too much collateral");
    Availability limited = reservations.createAvailability(100, 600, PRICE, COLLATERAL, true, 50);
    assertEquals(Optional.empty(), reservations.find(100, 600, PRICE, BigInteger.TEN, 51).filter(x -> x.equals(limited)));
    assertEquals(Optional.of(limited), reservations.find(100, 600, PRICE, BigInteger.TEN, 50));
  }

  @Test
  void untilBeforeAHostedSlotIsRefusedAndTotalSizeChangesMoveTheQuota() throws IOException {
    open();
    Availability a = reservations.createAvailability(3000, 600, PRICE, COLLATERAL, true, 0);
    reservations.createReservation(a.id(), 1000, request(1), 0, BigInteger.ZERO, 900);
    Availability current = reservations.availability(a.id()).orElseThrow();
    UntilOutOfBoundsException early = assertThrows(UntilOutOfBoundsException.class,
        () -> reservations.update(copy(current, current.totalSize(), current.freeSize(), 899)));
    assertTrue(early.getMessage().contains("longest currently hosted slot (900 > 899)"), early.getMessage());
    reservations.update(copy(current, 5000, current.freeSize() + 2000, 900));
    open();
    assertEquals(5000, repo.usage().reserved(), "3000 + the 2000 the total grew by");
    assertAccountingAdds();
  }

  private static Availability copy(Availability a, long total, long free, long until) {
    return new Availability(a.id(), total, free, a.duration(), a.minPricePerBytePerSecond(), a.totalCollateral(),
        a.totalRemainingCollateral(), a.enabled(), until);
  }
}
