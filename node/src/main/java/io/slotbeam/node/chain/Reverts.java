package io.slotbeam.node.chain;

import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.ProofInvalidException;
import io.slotbeam.node.market.SlotReservationNotAllowedException;
import io.slotbeam.node.market.SlotStateMismatchException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Response;

/**
 * Turns a JSON-RPC error answer into a {@link MarketException} naming the call and the contract's
 * custom error, found by the 4-byte selector at the start of the revert data (spec node §5.3
 * lists the selectors; they are keccak256 of the error's signature). The errors nim-codex maps to
 * their own exception types (spec node §6) get the matching subclass.
 */
final class Reverts {
  /** The contracts' custom errors (contracts/src/main/solidity), by signature. */
  private static final String[] ERRORS = {
    "Marketplace_SlotNotFree()", "Marketplace_SlotIsFree()", "Marketplace_UnknownRequest()",
    "Marketplace_ReservationRequired()", "Marketplace_InvalidSlotHost()",
    "Marketplace_AlreadyPaid()", "Marketplace_StartNotBeforeExpiry()",
    "Marketplace_SlotNotAcceptingProofs()", "Marketplace_ProofNotSubmittedByHost()",
    "Marketplace_InvalidState()", "Marketplace_NothingToWithdraw()",
    "Marketplace_InvalidClientAddress()", "Marketplace_RequestAlreadyExists()",
    "Marketplace_InvalidExpiry()", "Marketplace_InsufficientSlots()",
    "Marketplace_InvalidMaxSlotLoss()", "Marketplace_InsufficientDuration()",
    "Marketplace_InsufficientProofProbability()", "Marketplace_InsufficientCollateral()",
    "Marketplace_InsufficientReward()", "Marketplace_InvalidCid()",
    "Marketplace_DurationExceedsLimit()", "Marketplace_InvalidSlot()",
    "Marketplace_TransferFailed()", "Proofs_InvalidProof()", "Proofs_ProofAlreadySubmitted()",
    "Proofs_PeriodNotEnded()", "Proofs_ValidationTimedOut()", "Proofs_ProofNotMissing()",
    "Proofs_ProofNotRequired()", "Proofs_ProofAlreadyMarkedMissing()",
    "Proofs_InsufficientBlockHeight()", "SlotReservations_ReservationNotAllowed()",
    "PaymentToken_InsufficientBalance(address,uint256,uint256)",
    "PaymentToken_InsufficientAllowance(address,uint256,uint256)", "PaymentToken_ZeroAddress()",
  };
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    for (String signature : ERRORS) {
      NAMES.put(selector(signature), signature.substring(0, signature.indexOf('(')));
    }
  }

  private Reverts() {}

  /** {@code 0x} and the first 4 bytes of keccak256(signature), lower-case hex. */
  static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  /** The custom error's name, if the answer is a revert with a known selector. */
  static Optional<String> errorName(Response.Error error) {
    return revertData(error).map(data -> NAMES.get(data.substring(0, 10)));
  }

  /**
   * The exception for {@code error}, the answer to {@code call}: a revert with a known custom
   * error becomes {@code "<call>: reverted with <Name> (<selector>)"}, any other answer {@code
   * "<call>: <node's message>"}.
   */
  static MarketException exception(String call, Response.Error error) {
    Optional<String> data = revertData(error);
    Optional<String> name = errorName(error);
    if (name.isEmpty()) {
      return new MarketException(call + ": " + error.getMessage()
          + data.map(d -> " (revert data " + d + ")").orElse(""));
    }
    String message = call + ": reverted with " + name.get() + " (" + data.get().substring(0, 10) + ")";
    return switch (name.get()) {
      case "Marketplace_SlotNotFree", "Marketplace_SlotIsFree" -> new SlotStateMismatchException(message);
      case "SlotReservations_ReservationNotAllowed" -> new SlotReservationNotAllowedException(message);
      case "Proofs_InvalidProof" -> new ProofInvalidException(message);
      default -> new MarketException(message);
    };
  }

  /** The revert data as {@code 0x}-prefixed lower-case hex of at least 4 bytes, if any. */
  private static Optional<String> revertData(Response.Error error) {
    String data = error.getData();
    if (data == null) {
      return Optional.empty();
    }
    String hex = data.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    return hex.matches("0x[0-9a-f]{8,}") ? Optional.of(hex) : Optional.empty();
  }
}
