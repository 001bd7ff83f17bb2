package io.slotbeam.core.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.hash.Poseidon2Sponge;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.vectors.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 11 fake slots behind the upstream circuit fixture (spec datapath §9.6–§9.7), rebuilt with
 * the same slot builder that builds real datasets: every slot root and the dataset root.
 */
class UpstreamFixtureSlotsTest {
  private static final long SEED = 12345;
  private static final int CELL = 2048;
  private static final int BLOCK = 65536;
  private static final SlotGeometry GEOMETRY = new SlotGeometry(BLOCK, CELL, 16);

  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void generatorMatchesTheSpecCheckValues() {
    long slot3 = FakeSlots.slotSeed(SEED, 3);
    assertEquals(15420, slot3);
    assertEquals(
        "83e5a6518375c7e551ac4ab6ec268822",
        HexFormat.of().formatHex(FakeSlots.cell(slot3, 0, CELL), 0, 16));
    assertEquals(
        "8704d2c0257e8d151292757e821e4ead",
        HexFormat.of().formatHex(FakeSlots.cell(FakeSlots.slotSeed(SEED, 0), 0, CELL), 0, 16));
    assertEquals(
        "17033041910967151034136324870959232982916157925751316473693996492621564867107",
        Poseidon2Sponge.hashBytes(FakeSlots.cell(slot3, 0, CELL)).toDecimal());
    SlotBuilder builder = new SlotBuilder(GEOMETRY, workers, BlockHasher.java());
    assertEquals(
        "11870398223693432583042351546731028104314346514408475859797355891452183094616",
        builder.blockRoot(FakeSlots.block(slot3, 0, CELL, 32)).toDecimal());
  }

  @Test
  void rebuildsEverySlotRootAndTheDatasetRootOfTheFixture() throws IOException {
    JsonNode fixture =
        new ObjectMapper().readTree(Vectors.file("codex/circuit-input-fixture.json").toFile());
    assertEquals(512, fixture.get("nCellsPerSlot").asInt());
    List<String> expected =
        List.of(
            "2890404758151050274312606730350692187558493981946059404326311209060864654379",
            "19987182826136616521830331577429527847943056366094389743847686135362626944000",
            "14279309641024220656349577745390262299143357053971618723978902485113885925133",
            "20744935707483803411869804102043283881376973626291244537230284476834672019997",
            "4810903104812541115474434476925532979405926006870866476166015313489077076400",
            "15583963006538004265028108522974363414924717962606679320027996077037589061614",
            "1927721924813808377406185883343761304073977157586854660214745051620255714101",
            "4815424179624973216845354928862028946658243097299168552920228239639125272171",
            "6074282922789212060680767791799815465468695010626903188849429489941094153548",
            "8902834601866117645250445399395236846866654201720886495257195252980067955619",
            "17872397126965207095494780010524156843257248687474550787255659041117988916909");
    SlotBuilder builder = new SlotBuilder(GEOMETRY, workers, BlockHasher.java());
    List<Fr> slotRoots = new ArrayList<>();
    for (int slot = 0; slot < 11; slot++) {
      long slotSeed = FakeSlots.slotSeed(SEED, slot);
      Fr root = builder.build(position -> FakeSlots.block(slotSeed, position, CELL, 32)).root();
      assertEquals(expected.get(slot), root.toDecimal(), "slot " + slot);
      slotRoots.add(root);
    }
    assertEquals(fixture.get("slotRoot").asText(), slotRoots.get(3).toDecimal());
    Fr datasetRoot = KeyedMerkleTree.build(slotRoots, Poseidon2Compressor.INSTANCE).root();
    assertEquals(fixture.get("dataSetRoot").asText(), datasetRoot.toDecimal());
  }
}
