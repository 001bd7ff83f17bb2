package io.slotbeam.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.prover.circuit.CircuitFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prove pipeline on the DirectRunner: the contract (batch and periodic mode), a slot with a
 * missing block, and input errors refused before anything runs.
 */
class DirectRunnerProveTest extends ProvePipelineContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=DirectRunner", "--targetParallelism=2");
  }

  @Test
  void aSlotOfAListWithAMissingBlockIsAFailureRecordNamingItAndTheOthersProve() throws IOException {
    Path damaged = encodedWorkedExample(dir.resolve("damaged"));
    FileBlockStore store = FileBlockStore.attach(damaged);
    var manifest = StoredManifests.get(store, Cid.parse(VERIFIABLE));
    Cid lost = store.blockCids(manifest.treeCid()).get(Math.toIntExact(manifest.numSlotBlocks())); // slot 1's first
    store.delete(lost);

    Path list = Files.writeString(dir.resolve("slots.txt"),
        "# the worked example's slots\n" + VERIFIABLE + " 0\n\n" + VERIFIABLE + ":1\n" + VERIFIABLE + " 2 # last\n");
    Path out = prove(damaged, "--slotList=" + list, "--challenge=" + CHALLENGE);
    List<Row> rows = readRecords(out.resolve("records/period-0.arrow"));
    assertEquals(List.of(true, false, true), rows.stream().map(Row::verified).toList(), rows.toString());
    Row failed = rows.get(1);
    assertTrue(failed.failure().contains(lost.toString()), failed.failure());
    assertEquals(null, failed.proof());
    assertEquals(null, failed.proveNanos());
    assertFalse(Files.exists(out.resolve("proofs/" + VERIFIABLE + "/slot-1")), "nothing unverified is written");
    assertTrue(Files.exists(out.resolve("proofs/" + VERIFIABLE + "/slot-2/period-0/proof.json")));
  }

  @Test
  void aSlotOutOfRangeOrAnUnknownManifestIsAFailureRecord() throws IOException {
    String unknown = "zDvZRwzkzHsok3Z8yMoiXV9EeGnAgvQZ6kE2s5MA4ZWsmJY7ELJm";
    Path out = prove(repo, "--slots=" + VERIFIABLE + ":3," + unknown + ":0", "--challenge=" + CHALLENGE);
    List<Row> rows = readRecords(out.resolve("records/period-0.arrow"));
    assertEquals(2, rows.size(), rows.toString());
    Row outOfRange = rows.stream().filter(r -> r.dataset().equals(VERIFIABLE)).findFirst().orElseThrow();
    assertTrue(outOfRange.failure().contains("slot 3 not in [0, 3)"), outOfRange.failure());
    Row missing = rows.stream().filter(r -> r.dataset().equals(unknown)).findFirst().orElseThrow();
    assertTrue(missing.failure().contains(unknown), missing.failure());
  }

  @Test
  void refusesBadInputsBeforeRunning() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> prove(repo, "--slots=" + VERIFIABLE + ":0", "--challenge=0011"));
    assertTrue(e.getMessage().contains("challenge '0011' has 2 bytes but must have 32"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> prove(repo, "--challenge=" + CHALLENGE));
    assertTrue(e.getMessage().contains("no slots to prove"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> prove(repo, "--slots=" + VERIFIABLE + ":x", "--challenge=" + CHALLENGE));
    assertTrue(e.getMessage().contains("slots entry 1: slot 'x' is not an index from 0"), e.getMessage());
    Path list = Files.writeString(dir.resolve("slots.txt"), "# datasets\n" + VERIFIABLE + " 1\nQmNotACid 2\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> prove(repo, "--slotList=" + list, "--challenge=" + CHALLENGE));
    assertTrue(e.getMessage().startsWith("line 3 of " + list + ": "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> prove(repo, "--slots=" + VERIFIABLE + ":0", "--challenge=" + CHALLENGE, "--period=1"));
    assertTrue(e.getMessage().contains("--challenge is for batch mode"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> prove(dir.resolve("nowhere"), "--slots=" + VERIFIABLE + ":0", "--challenge=" + CHALLENGE));
    assertTrue(e.getMessage().contains("no block repository at " + dir.resolve("nowhere")), e.getMessage());
    List<String> args = List.of("--runner=DirectRunner", "--repo=" + repo, "--circuit=" + dir, "--out=" + dir.resolve("o"),
        "--slots=" + VERIFIABLE + ":0", "--challenge=" + CHALLENGE);
    CircuitFolderException folder = assertThrows(CircuitFolderException.class,
        () -> ProvePipeline.create(ProvePipeline.options(args.toArray(String[]::new))));
    assertTrue(folder.getMessage().contains("no params in " + dir), folder.getMessage());
  }

  @Test
  void everyWorkerInThisJvmSharesOneOpenCircuitPerFolder() {
    SharedCircuits.Shared first = SharedCircuits.get(circuit, 2);
    assertSame(first, SharedCircuits.get(circuit.resolve("..").resolve(circuit.getFileName()), 1));
    assertEquals(circuit.toAbsolutePath().normalize(), first.circuit().folder().toAbsolutePath().normalize());
    assertEquals(2, first.proofs().availablePermits(), "the first bound holds, all free when idle");
  }
}
