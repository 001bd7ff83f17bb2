package io.slotbeam.node.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.cid.Multihash;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.StorageRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurchaseStoreTest {
  @TempDir Path dir;

  static StorageRequest request(int seed) {
    byte[] root = new byte[32];
    root[0] = (byte) seed;
    byte[] nonce = new byte[32];
    nonce[31] = (byte) seed;
    Cid cid = Cid.of(Multicodec.CODEX_MANIFEST, Multihash.sha256(new byte[] {(byte) seed}));
    return new StorageRequest(
        "0x" + "Cd".repeat(20),
        new Ask(BigInteger.TWO.pow(200), BigInteger.valueOf(7), BigInteger.ONE, 3, 131072, 1200, 1),
        new Content(cid.toBytes(), root),
        300,
        nonce);
  }

  @Test
  void savedPurchasesLoadBackEqualWithTheirRequestsWhole() throws IOException {
    PurchaseStore store = PurchaseStore.open(dir.resolve("purchases"));
    Purchase first = Purchase.pending(request(1));
    Purchase second = Purchase.pending(request(2)).in(PurchaseState.CANCELLED).over(Optional.of("Purchase cancelled due to timeout"));
    Purchase recovered = new Purchase(request(3).id(), Optional.empty(), PurchaseState.UNKNOWN, Optional.empty(), false);
    store.save(first);
    store.save(second);
    store.save(recovered);
    List<Purchase> loaded = store.loadAll();
    assertEquals(3, loaded.size());
    assertTrue(loaded.containsAll(List.of(first, second, recovered)), loaded.toString());
    assertEquals(request(1).id(), loaded.stream().filter(p -> p.equals(first)).findFirst().orElseThrow().request().orElseThrow().id());
  }

  @Test
  void aLaterSaveReplacesTheEarlierOne() throws IOException {
    PurchaseStore store = PurchaseStore.open(dir);
    Purchase pending = Purchase.pending(request(1));
    store.save(pending);
    store.save(pending.in(PurchaseState.SUBMITTED));
    assertEquals(List.of(pending.in(PurchaseState.SUBMITTED)), store.loadAll());
  }

  @Test
  void aTemporaryFileLeftByACrashIsIgnoredAndRemoved() throws IOException {
    PurchaseStore store = PurchaseStore.open(dir);
    Purchase pending = Purchase.pending(request(1));
    store.save(pending);
    Path leftover = dir.resolve(request(2).id().hex().substring(2) + ".json.tmp");
    Files.writeString(leftover, "{\"requestId\":", StandardCharsets.UTF_8);
    assertEquals(List.of(pending), store.loadAll());
    assertFalse(Files.exists(leftover));
  }

  @Test
  void anUnreadableFileIsNamedInTheError() throws IOException {
    PurchaseStore store = PurchaseStore.open(dir);
    RequestId id = request(1).id();
    Path file = dir.resolve(id.hex().substring(2) + ".json");
    Files.writeString(file, "{\"requestId\":\"" + id.hex() + "\",\"state\":\"shipped\"}", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, store::loadAll);
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("'shipped'"), e.getMessage());
  }

  @Test
  void aRequestWhoseIdIsNotTheSavedIdIsRefused() throws IOException {
    PurchaseStore store = PurchaseStore.open(dir);
    ObjectNode json = PurchaseJson.stored(Purchase.pending(request(1)));
    json.put("requestId", request(2).id().hex());
    Files.write(dir.resolve("swapped.json"), new ObjectMapper().writeValueAsBytes(json));
    IOException e = assertThrows(IOException.class, store::loadAll);
    assertTrue(e.getMessage().contains("stored request has id " + request(1).id() + ", not " + request(2).id()), e.getMessage());
  }
}
