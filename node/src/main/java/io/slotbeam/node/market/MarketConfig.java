package io.slotbeam.node.market;

/**
 * The marketplace's configuration as {@code configuration()} returns it (contract {@code
 * MarketplaceConfig}, spec node §5.1 and §5.8); read once and cached by a {@link Market}.
 *
 * @param period seconds per proof period
 * @param timeout seconds after a period's end during which a missed proof can be marked
 * @param downtime pointer values (blocks) after a wrap-around in which no proof is required
 * @param downtimeProduct pointer shift per period
 * @param zkeyHash the circuit's zkey hash the marketplace was deployed for
 */
public record MarketConfig(
    int repairRewardPercentage,
    int maxNumberOfSlashes,
    int slashPercentage,
    int validatorRewardPercentage,
    long period,
    long timeout,
    int downtime,
    int downtimeProduct,
    String zkeyHash,
    int maxReservations,
    long requestDurationLimit) {
  public MarketConfig {
    if (period <= 0) {
      throw new IllegalArgumentException("proof period " + period + " is not positive");
    }
  }

  public Periodicity periodicity() {
    return new Periodicity(period);
  }
}
