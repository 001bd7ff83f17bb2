package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slotbeam encode} killed with SIGKILL at several points and run again leaves exactly the
 * repository and output of a run that was never interrupted, with no temporary files behind.
 */
class EncodeKilledTest {
  /** Files in the repository (blocks, trees, manifests) after which a run is killed. */
  private static final List<Integer> KILL_POINTS = List.of(1, 15, 40);

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path dir;

  @Test
  void rerunAfterSigkillGivesTheUninterruptedResult() throws Exception {
    byte[] data = new byte[2 * 1024 * 1024 + 123]; // 33 blocks + 17 parity: 50 block files and more
    new Random(11).nextBytes(data);
    Path file = Files.write(dir.resolve("data.bin"), data);

    Path clean = dir.resolve("clean");
    Run reference = encode(file, clean);
    assertEquals(0, reference.exitCode, reference.stderr);
    Map<Path, byte[]> expected = contents(clean);

    for (int killAfter : KILL_POINTS) {
      Path repo = dir.resolve("killed-at-" + killAfter);
      boolean killed = encodeAndKill(file, repo, killAfter);
      assertTrue(killed, "the run finished before " + killAfter + " files: use a larger input");
      Run rerun = encode(file, repo);
      assertEquals(0, rerun.exitCode, rerun.stderr);
      assertEquals(reference.stdout, rerun.stdout, "re-run after a kill at " + killAfter + " files");
      Map<Path, byte[]> actual = contents(repo);
      assertEquals(expected.keySet(), actual.keySet(), "files after a kill at " + killAfter);
      for (Map.Entry<Path, byte[]> entry : expected.entrySet()) {
        assertArrayEquals(entry.getValue(), actual.get(entry.getKey()), entry.getKey().toString());
      }
    }
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private ProcessBuilder encodeProcess(Path file, Path repo) {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-modules=jdk.incubator.vector",
            "-cp",
            System.getProperty("java.class.path"),
            SlotbeamCli.class.getName(),
            "encode",
            file.toString(),
            "--repo",
            repo.toString(),
            "--ec-k",
            "2",
            "--ec-m",
            "1",
            "--json")
        .redirectError(ProcessBuilder.Redirect.PIPE);
  }

  private Run encode(Path file, Path repo) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(dir, "stdout", ".json");
    Process process = encodeProcess(file, repo).redirectOutput(stdout.toFile()).start();
    String stderr = new String(process.getErrorStream().readAllBytes());
    assertTrue(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "encode did not finish");
    return new Run(process.exitValue(), Files.readString(stdout), stderr);
  }

  /** Starts an encode and SIGKILLs it once the repository holds {@code files} files. */
  private boolean encodeAndKill(Path file, Path repo, int files) throws IOException, InterruptedException {
    Process process = encodeProcess(file, repo).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (fileCount(repo) >= files) {
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
        process.waitFor();
        return true;
      }
      Thread.sleep(1);
    }
    process.waitFor();
    return false;
  }

  private static long fileCount(Path repo) throws IOException {
    if (!Files.isDirectory(repo)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(repo)) {
      return files.filter(Files::isRegularFile).count();
    } catch (UncheckedIOException | NoSuchFileException e) {
      return 0; // the running encode renamed a temporary file under the walk: look again
    }
  }

  /** Every file of the repository by its relative path; the temporary folder must be empty. */
  private static Map<Path, byte[]> contents(Path repo) throws IOException {
    Map<Path, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path path : files.filter(Files::isRegularFile).toList()) {
        contents.put(repo.relativize(path), Files.readAllBytes(path));
      }
    }
    contents.keySet().forEach(path -> assertTrue(!path.startsWith("tmp"), "left behind: " + path));
    return contents;
  }
}
