package io.slotbeam.node.sales;

import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.repo.RecordBatch;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Availabilities and reservations kept in the repository under nim-codex's keys {@code
 * /sales/reservations/<availId>[/<resId>]} (spec node §3.1, §7.1). Each operation is one {@link
 * RecordBatch}: the records it changes and the quota it reserves or releases are written together,
 * so after a crash at any point the repository's reserved bytes are exactly the free bytes of the
 * availabilities plus the not-yet-downloaded bytes of the reservations. One lock serialises every
 * change (nim-codex's {@code availabilityLock}).
 */
public final class Reservations {
  static final String PREFIX = "/sales/reservations/";

  private final RocksBlockStore repo;
  private final Object lock = new Object();
  private volatile Consumer<Availability> onAvailabilitySaved = a -> {};

  public Reservations(RocksBlockStore repo) {
    this.repo = repo;
  }

  /** Called after an availability was created or grew (more space, time, price or collateral). */
  public void onAvailabilitySaved(Consumer<Availability> listener) {
    onAvailabilitySaved = listener;
  }

  /**
   * Creates an availability and reserves its {@code totalSize} in the quota.
   *
   * @throws io.slotbeam.node.repo.QuotaExceededException if the quota cannot hold it
   */
  public Availability createAvailability(
      long totalSize, long duration, BigInteger minPricePerBytePerSecond, BigInteger totalCollateral,
      boolean enabled, long until) throws IOException {
    Availability availability =
        new Availability(SalesJson.randomId(), totalSize, totalSize, duration, minPricePerBytePerSecond,
            totalCollateral, totalCollateral, enabled, until);
    synchronized (lock) {
      repo.apply(put(new RecordBatch(), availability).reserve(totalSize));
    }
    onAvailabilitySaved.accept(availability);
    return availability;
  }

  /**
   * Replaces an availability by {@code updated} (REST PATCH): a changed {@code totalSize} reserves
   * or releases the difference in the same batch.
   *
   * @throws UntilOutOfBoundsException if {@code until} ends before a reservation it holds
   * @throws IllegalArgumentException if there is no such availability
   */
  public void update(Availability updated) throws IOException {
    Availability old;
    synchronized (lock) {
      old = availability(updated.id())
          .orElseThrow(() -> new IllegalArgumentException("Availability not found: " + updated.id()));
      if (updated.until() > 0) {
        for (Reservation reservation : reservations(updated.id())) {
          if (reservation.validUntil() > updated.until()) {
            throw new UntilOutOfBoundsException(
                "Until parameter must be greater or equal to the longest currently hosted slot ("
                    + reservation.validUntil() + " > " + updated.until() + ")");
          }
        }
      }
      repo.apply(put(new RecordBatch(), updated).reserve(updated.totalSize() - old.totalSize()));
    }
    if (updated.freeSize() > old.freeSize() || updated.duration() > old.duration()
        || updated.minPricePerBytePerSecond().compareTo(old.minPricePerBytePerSecond()) > 0
        || updated.totalRemainingCollateral().compareTo(old.totalRemainingCollateral()) > 0) {
      onAvailabilitySaved.accept(updated);
    }
  }

  /**
   * The first availability, in id order, that takes a slot of {@code size} bytes for {@code
   * duration} seconds at {@code price} with {@code collateralPerByte}, ending at {@code validUntil}
   * (§7.1 {@code findAvailability}).
   */
  public Optional<Availability> find(
      long size, long duration, BigInteger price, BigInteger collateralPerByte, long validUntil) {
    return availabilities().stream()
        .filter(a -> a.enabled() && size <= a.freeSize() && duration <= a.duration()
            && collateralPerByte.compareTo(a.maxCollateralPerByte()) <= 0
            && price.compareTo(a.minPricePerBytePerSecond()) >= 0
            && (a.until() == 0 || a.until() >= validUntil))
        .findFirst();
  }

  /**
   * Promises {@code slotSize} bytes of an availability and {@code slotSize · collateralPerByte} of
   * its collateral to a slot.
   *
   * @throws BytesOutOfBoundsException if the availability has fewer free bytes (a race lost)
   */
  public Reservation createReservation(
      String availabilityId, long slotSize, RequestId requestId, long slotIndex,
      BigInteger collateralPerByte, long validUntil) throws IOException {
    synchronized (lock) {
      Availability availability = requireAvailability(availabilityId);
      if (availability.freeSize() < slotSize) {
        throw new BytesOutOfBoundsException(
            "availability " + availabilityId + " has " + availability.freeSize() + " free bytes, fewer than the slot's "
                + slotSize);
      }
      Reservation reservation =
          new Reservation(SalesJson.randomId(), availability.id(), slotSize, requestId, slotIndex, validUntil);
      BigInteger collateral = collateralPerByte.multiply(BigInteger.valueOf(slotSize));
      Availability debited = availability.withFree(
          availability.freeSize() - slotSize,
          availability.totalRemainingCollateral().subtract(collateral).max(BigInteger.ZERO));
      repo.apply(put(put(new RecordBatch(), reservation), debited));
      return reservation;
    }
  }

  /**
   * Releases {@code bytes} of a reservation's quota as its data lands (each downloaded batch):
   * "reserved" turns into "used".
   *
   * @throws BytesOutOfBoundsException if the reservation holds fewer bytes
   */
  public Reservation release(String reservationId, String availabilityId, long bytes) throws IOException {
    synchronized (lock) {
      Reservation reservation = requireReservation(availabilityId, reservationId);
      if (bytes > reservation.size()) {
        throw new BytesOutOfBoundsException(
            "cannot release " + bytes + " bytes of reservation " + reservationId + ": it holds " + reservation.size());
      }
      Reservation shrunk = reservation.withSize(reservation.size() - bytes);
      repo.apply(put(new RecordBatch(), shrunk).reserve(-bytes));
      return shrunk;
    }
  }

  /**
   * Gives the downloaded part of a slot back to its availability when the sale ends: {@code
   * slotSize − size} bytes are reserved again and freed in the availability.
   */
  public void returnBytesToAvailability(String availabilityId, String reservationId, long slotSize)
      throws IOException {
    Availability saved;
    synchronized (lock) {
      Optional<Reservation> reservation = reservation(availabilityId, reservationId);
      if (reservation.isEmpty()) {
        return;
      }
      long returned = slotSize - reservation.get().size();
      if (returned <= 0) {
        return;
      }
      Availability availability = requireAvailability(availabilityId);
      saved = availability.withFree(availability.freeSize() + returned, availability.totalRemainingCollateral());
      repo.apply(put(new RecordBatch(), saved).reserve(returned));
    }
    onAvailabilitySaved.accept(saved);
  }

  /**
   * Deletes a reservation and frees its not-downloaded bytes in the availability, with {@code
   * returnedCollateral} credited back when the sale returns it. A missing reservation is no error.
   */
  public void deleteReservation(String reservationId, String availabilityId, Optional<BigInteger> returnedCollateral)
      throws IOException {
    Availability saved;
    synchronized (lock) {
      Optional<Reservation> reservation = reservation(availabilityId, reservationId);
      if (reservation.isEmpty()) {
        return;
      }
      Availability availability = requireAvailability(availabilityId);
      saved = availability.withFree(
          availability.freeSize() + reservation.get().size(),
          availability.totalRemainingCollateral().add(returnedCollateral.orElse(BigInteger.ZERO)));
      repo.apply(put(new RecordBatch(), saved).delete(key(reservation.get())));
    }
    onAvailabilitySaved.accept(saved);
  }

  public Optional<Availability> availability(String id) throws IOException {
    return repo.record(PREFIX + hex(id)).map(b -> Availability.fromJson(SalesJson.parse(b, "availability")));
  }

  public Optional<Reservation> reservation(String availabilityId, String reservationId) throws IOException {
    return repo.record(PREFIX + hex(availabilityId) + "/" + hex(reservationId))
        .map(b -> Reservation.fromJson(SalesJson.parse(b, "reservation")));
  }

  /** Every availability, in id order. */
  public List<Availability> availabilities() {
    List<Availability> all = new ArrayList<>();
    repo.forEachRecord(PREFIX, (path, value) -> {
      if (depth(path) == 0) {
        all.add(Availability.fromJson(SalesJson.parse(value, path)));
      }
    });
    return all;
  }

  /** The reservations of one availability. */
  public List<Reservation> reservations(String availabilityId) {
    return reservationsUnder(PREFIX + hex(availabilityId) + "/");
  }

  /** Every reservation of every availability. */
  public List<Reservation> reservations() {
    return reservationsUnder(PREFIX);
  }

  private List<Reservation> reservationsUnder(String prefix) {
    List<Reservation> all = new ArrayList<>();
    repo.forEachRecord(prefix, (path, value) -> {
      if (depth(path) == 1) {
        all.add(Reservation.fromJson(SalesJson.parse(value, path)));
      }
    });
    return all;
  }

  private Availability requireAvailability(String id) throws IOException {
    return availability(id).orElseThrow(() -> new IllegalStateException("availability " + id + " is not stored"));
  }

  private Reservation requireReservation(String availabilityId, String reservationId) throws IOException {
    return reservation(availabilityId, reservationId)
        .orElseThrow(() -> new IllegalStateException(
            "reservation " + reservationId + " of availability " + availabilityId + " is not stored"));
  }

  private static RecordBatch put(RecordBatch batch, Availability availability) {
    return batch.put(PREFIX + hex(availability.id()), SalesJson.bytes(availability.toJson()));
  }

  private static RecordBatch put(RecordBatch batch, Reservation reservation) {
    return batch.put(key(reservation), SalesJson.bytes(reservation.toJson()));
  }

  private static String key(Reservation reservation) {
    return PREFIX + hex(reservation.availabilityId()) + "/" + hex(reservation.id());
  }

  /** Segments after the prefix beyond the availability's: 0 for an availability, 1 for a reservation. */
  private static int depth(String path) {
    return (int) path.substring(PREFIX.length()).chars().filter(c -> c == '/').count();
  }

  /** The id's 64 hex digits without {@code 0x}, as nim-codex keys them. */
  private static String hex(String id) {
    return SalesJson.checkId(id, "id").substring(2);
  }
}
