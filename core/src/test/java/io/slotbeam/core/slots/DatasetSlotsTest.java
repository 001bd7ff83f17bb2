package io.slotbeam.core.slots;

import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.vectors.WorkedExampleFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.InMemoryBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatasetSlotsTest {
  private final InMemoryBlockStore store = new InMemoryBlockStore();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  private Manifest protectedWorkedExample() throws IOException {
    byte[] data = WorkedExampleFile.bytes();
    Manifest plain =
        Upload.store(new ByteArrayInputStream(data), 65536, Optional.empty(), Optional.empty(), store)
            .manifest();
    return new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, 2, 1).manifest();
  }

  @Test
  void workedExampleGivesTheSpecSlotRootsVerifyRootAndManifest() throws IOException {
    DatasetSlots.Built built =
        new DatasetSlots(store, workers, BlockHasher.java()).build(protectedWorkedExample(), 2048);
    assertEquals(
        List.of(
            "4005211080767819270342218267940775124949123857869711575255776208236096913887",
            "6206196100530153789861756224271226983549756470086462249067051200007792843055",
            "12190193140039204812722191778866888424801808867263278304994069305517864452739"),
        built.slotRoots().stream().map(Fr::toDecimal).toList());
    assertEquals(
        "19495713132223480327656540588819391962835965021248986668431192275097615670921",
        built.verifyRoot().toDecimal());
    assertEquals(
        "zE2PfUHWRGrRGPn5LjkwPA1UtTbdHi1c5JQSkNYEP4V7fprCYiBR",
        SlotCids.slotRoot(built.slotRoots().get(0)).toString());
    assertEquals(
        "zE4LQeWxMM1nc2rGfpsrhrrxbyMsQ71LoYuY4t6b9HLCdmfnrn8A",
        SlotCids.verifyRoot(built.verifyRoot()).toString());
    assertEquals(
        "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2",
        built.verifiable().manifestCid().toString());
    assertEquals(built.verifiable().manifest(), StoredManifests.get(store, built.verifiable().manifestCid()));
  }

  @Test
  void slotsBuiltFromBlockRootsHashedOneAtATimeGiveTheSpecVerifiableManifest() throws IOException {
    Manifest manifest = protectedWorkedExample();
    DatasetSlots slots = new DatasetSlots(store, workers, BlockHasher.java());
    SlotBuilder builder = new SlotBuilder(DatasetSlots.geometry(manifest, 2048), workers, BlockHasher.java());
    List<List<BlockRef>> work = slots.slotBlocks(manifest);
    assertEquals(List.of(List.of(0L, 1L), List.of(2L, 3L), List.of(4L, 5L)),
        work.stream().map(slot -> slot.stream().map(BlockRef::index).toList()).toList());
    List<Fr> slotRoots = new ArrayList<>();
    for (List<BlockRef> slot : work) {
      List<Fr> blockRoots = new ArrayList<>();
      for (BlockRef block : slot) {
        blockRoots.add(builder.blockRoot(slots.blockBytes(block)));
      }
      slotRoots.add(builder.tree(blockRoots).root());
    }
    DatasetSlots.Built built = slots.storeVerifiable(manifest, slotRoots, 2048);
    assertEquals(
        "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2",
        built.verifiable().manifestCid().toString());
    assertThrows(IllegalArgumentException.class, () -> builder.tree(slotRoots));
    assertThrows(IllegalArgumentException.class, () -> slots.storeVerifiable(manifest, slotRoots.subList(0, 2), 2048));
  }

  @Test
  void storesEverySlotTreeForSampling() throws IOException {
    DatasetSlots.Built built =
        new DatasetSlots(store, workers, BlockHasher.java()).build(protectedWorkedExample(), 2048);
    for (Fr root : built.slotRoots()) {
      assertEquals(2, SlotTrees.get(store, SlotCids.slotRoot(root)).leafCount());
    }
  }

  @Test
  void oneThreadAndTwoThreadsAndTheScalarHasherAgree() throws IOException {
    Manifest manifest = protectedWorkedExample();
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      Fr parallel = new DatasetSlots(store, workers, BlockHasher.java()).build(manifest, 2048).verifyRoot();
      Fr single = new DatasetSlots(store, one, BlockHasher.of(CellHasher.scalar())).build(manifest, 2048).verifyRoot();
      assertEquals(parallel, single);
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void refusesCellSizesThatBreakTheRules() throws IOException {
    Manifest manifest = protectedWorkedExample();
    DatasetSlots slots = new DatasetSlots(store, workers, BlockHasher.java());
    assertEquals(
        "cell size 3000 is not a power of two",
        assertThrows(IllegalArgumentException.class, () -> slots.build(manifest, 3000)).getMessage());
    assertEquals(
        "block size 65536 is not divisible by cell size 131072",
        assertThrows(IllegalArgumentException.class, () -> slots.build(manifest, 131072)).getMessage());
  }

  @Test
  void smallerCellsGiveMoreCellsPerBlock() throws IOException {
    Manifest manifest = protectedWorkedExample();
    DatasetSlots.Built built = new DatasetSlots(store, workers, BlockHasher.java()).build(manifest, 1024);
    assertEquals(1024, built.verifiable().manifest().verification().orElseThrow().cellSize());
  }
}
