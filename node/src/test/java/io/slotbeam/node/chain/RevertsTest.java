package io.slotbeam.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.ProofInvalidException;
import io.slotbeam.node.market.SlotReservationNotAllowedException;
import io.slotbeam.node.market.SlotStateMismatchException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

class RevertsTest {
  /** Selectors from the table of spec node §5.3. */
  private static final Map<String, String> SPEC = Map.ofEntries(
      Map.entry("Marketplace_SlotNotFree", "0xff556acf"), Map.entry("Marketplace_SlotIsFree", "0x8b41ec7f"),
      Map.entry("Marketplace_UnknownRequest", "0xbdd64a7a"),
      Map.entry("Marketplace_ReservationRequired", "0xd651ce18"),
      Map.entry("Marketplace_InvalidSlotHost", "0x57a6f4e9"), Map.entry("Marketplace_AlreadyPaid", "0xc2cbf777"),
      Map.entry("Marketplace_StartNotBeforeExpiry", "0x56607cb0"),
      Map.entry("Marketplace_SlotNotAcceptingProofs", "0xae9dcffd"),
      Map.entry("Marketplace_ProofNotSubmittedByHost", "0xce351b94"),
      Map.entry("Marketplace_InvalidState", "0xc00b5b57"), Map.entry("Marketplace_NothingToWithdraw", "0xbd8bdd94"),
      Map.entry("Marketplace_InvalidClientAddress", "0x698d3c62"),
      Map.entry("Marketplace_RequestAlreadyExists", "0xfc7d0690"),
      Map.entry("Marketplace_InvalidExpiry", "0xdf63f61a"), Map.entry("Marketplace_InsufficientSlots", "0x535ed2be"),
      Map.entry("Marketplace_InvalidMaxSlotLoss", "0xb9551ab1"),
      Map.entry("Marketplace_InsufficientDuration", "0x090a5ecd"),
      Map.entry("Marketplace_InsufficientProofProbability", "0x6aba7aae"),
      Map.entry("Marketplace_InsufficientCollateral", "0xfb7df0c7"),
      Map.entry("Marketplace_InsufficientReward", "0x47ba51c7"), Map.entry("Marketplace_InvalidCid", "0x86f8cf9b"),
      Map.entry("Marketplace_DurationExceedsLimit", "0x1267b3f2"), Map.entry("Marketplace_InvalidSlot", "0x3b920b88"),
      Map.entry("Marketplace_TransferFailed", "0xf8599ffa"), Map.entry("Proofs_InvalidProof", "0xfcd03a47"),
      Map.entry("Proofs_ProofAlreadySubmitted", "0x3edef7db"), Map.entry("Proofs_PeriodNotEnded", "0x6b4b1a4e"),
      Map.entry("Proofs_ValidationTimedOut", "0xde55698e"), Map.entry("Proofs_ProofNotMissing", "0x00fab7d9"),
      Map.entry("Proofs_ProofNotRequired", "0xd3ffa66b"), Map.entry("Proofs_ProofAlreadyMarkedMissing", "0x98e7e551"),
      Map.entry("Proofs_InsufficientBlockHeight", "0x71ebecc2"),
      Map.entry("SlotReservations_ReservationNotAllowed", "0x424a04ab"));

  private static Response.Error revert(String data) {
    Response.Error error = new Response.Error(3, "execution reverted");
    error.setData(data);
    return error;
  }

  @Test
  void everySelectorOfTheSpecIsNamed() {
    SPEC.forEach((name, selector) -> {
      assertEquals(selector, Reverts.selector(name + "()"), name);
      assertEquals(Optional.of(name), Reverts.errorName(revert(selector)), name);
    });
  }

  @Test
  void nimCodexsErrorTypesGetTheirSubclass() {
    assertInstanceOf(SlotStateMismatchException.class, Reverts.exception("fillSlot(x, 0)", revert("0xff556acf")));
    assertInstanceOf(SlotStateMismatchException.class, Reverts.exception("freeSlot(x)", revert("0x8b41ec7f")));
    assertInstanceOf(SlotReservationNotAllowedException.class,
        Reverts.exception("reserveSlot(x, 0)", revert("0x424a04ab")));
    MarketException invalid = Reverts.exception("submitProof(x)", revert("\"0xfcd03a47\""));
    assertInstanceOf(ProofInvalidException.class, invalid);
    assertEquals("submitProof(x): reverted with Proofs_InvalidProof (0xfcd03a47)", invalid.getMessage());
    assertEquals(MarketException.class, Reverts.exception("withdrawFunds(x)", revert("0xc00b5b57")).getClass());
  }

  @Test
  void otherAnswersKeepTheNodesMessage() {
    assertEquals("reserveSlot(x, 0): execution reverted (revert data 0x12345678)",
        Reverts.exception("reserveSlot(x, 0)", revert("0x12345678")).getMessage());
    assertEquals("requestStorage(x): insufficient funds for gas",
        Reverts.exception("requestStorage(x)", new Response.Error(-32003, "insufficient funds for gas")).getMessage());
    assertEquals(Optional.empty(), Reverts.errorName(new Response.Error(-32000, "nonce too low")));
  }
}
