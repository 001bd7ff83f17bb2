package io.slotbeam.node.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Storage a host offers (nim-codex {@code Availability}, spec node §7.1), stored and served as
 * {@code SalesAvailabilityREAD} (§2.4).
 *
 * @param id {@code 0x} + 64 hex digits, random
 * @param totalSize bytes offered
 * @param freeSize bytes not yet promised to a reservation
 * @param duration the longest request duration accepted, seconds
 * @param minPricePerBytePerSecond the lowest price accepted
 * @param totalCollateral the collateral budget as configured
 * @param totalRemainingCollateral the part of the budget not committed to reservations
 * @param enabled whether new slots are matched against it
 * @param until 0 for no limit, else the latest request end it may host (Unix seconds)
 */
public record Availability(
    String id,
    long totalSize,
    long freeSize,
    long duration,
    BigInteger minPricePerBytePerSecond,
    BigInteger totalCollateral,
    BigInteger totalRemainingCollateral,
    boolean enabled,
    long until) {
  public Availability {
    id = SalesJson.checkId(id, "availability id");
    if (totalSize < 0 || freeSize < 0 || duration < 0) {
      throw new IllegalArgumentException(
          "availability " + id + " has a negative size or duration: total " + totalSize + ", free "
              + freeSize + ", duration " + duration);
    }
    if (until < 0) {
      throw new UntilOutOfBoundsException("until " + until + " must not be negative");
    }
    if (minPricePerBytePerSecond.signum() < 0 || totalCollateral.signum() < 0
        || totalRemainingCollateral.signum() < 0) {
      throw new IllegalArgumentException(
          "availability " + id + " has a negative price or collateral: price " + minPricePerBytePerSecond
              + ", collateral " + totalCollateral + ", remaining " + totalRemainingCollateral);
    }
  }

  /**
   * The most collateral per byte a slot may ask of this availability: what remains of the budget
   * spread over the free bytes (all of it when none are free; §7.1).
   */
  public BigInteger maxCollateralPerByte() {
    return freeSize == 0
        ? totalRemainingCollateral
        : totalRemainingCollateral.divide(BigInteger.valueOf(freeSize));
  }

  Availability withFree(long free, BigInteger remainingCollateral) {
    return new Availability(id, totalSize, free, duration, minPricePerBytePerSecond, totalCollateral,
        remainingCollateral, enabled, until);
  }

  public ObjectNode toJson() {
    ObjectNode json = SalesJson.object();
    json.put("id", id);
    json.put("totalSize", totalSize);
    json.put("freeSize", freeSize);
    json.put("duration", duration);
    json.put("minPricePerBytePerSecond", minPricePerBytePerSecond.toString());
    json.put("totalCollateral", totalCollateral.toString());
    json.put("totalRemainingCollateral", totalRemainingCollateral.toString());
    json.put("enabled", enabled);
    json.put("until", until);
    return json;
  }

  static Availability fromJson(JsonNode json) {
    String what = "availability";
    return new Availability(
        SalesJson.textField(json, "id", what),
        SalesJson.longField(json, "totalSize", what),
        SalesJson.longField(json, "freeSize", what),
        SalesJson.longField(json, "duration", what),
        SalesJson.bigField(json, "minPricePerBytePerSecond", what),
        SalesJson.bigField(json, "totalCollateral", what),
        SalesJson.bigField(json, "totalRemainingCollateral", what),
        json.path("enabled").asBoolean(),
        SalesJson.longField(json, "until", what));
  }
}
