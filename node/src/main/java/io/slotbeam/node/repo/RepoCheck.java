package io.slotbeam.node.repo;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.CorruptBlockException;
import io.slotbeam.core.cid.Cid;
import java.util.ArrayList;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.manifest.ManifestCodec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code slotbeam node --check}: reads every stored block and checks it against its CID and its
 * metadata, checks the quota totals against what is actually stored, and checks that the holders
 * recorded for each tree are exactly the stored manifests that name it. Reads one block at a time;
 * keeps each block's CID and size (about 50 bytes per block) and each holder record.
 */
public final class RepoCheck {
  /** What the check found: the blocks and bytes it read, and one line per problem. */
  public record Report(long blocks, long bytes, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private record Holder(Cid treeCid, Cid manifestCid) {}

  private RepoCheck() {}

  public static Report run(RocksBlockStore store) {
    List<String> problems = new ArrayList<>();
    Map<Cid, Integer> sizes = new HashMap<>();
    long[] bytes = new long[1];
    for (byte[] prefix : List.of(RepoKeys.BLOCKS, RepoKeys.MANIFESTS)) {
      store.forEach(
          prefix,
          (key, value) -> {
            Cid cid = RepoKeys.cidOf(key);
            sizes.put(cid, value.length);
            bytes[0] += value.length;
            try {
              Block.verified(cid, value);
            } catch (CorruptBlockException e) {
              problems.add(e.getMessage());
            }
          });
    }
    Map<Cid, Integer> unaccounted = new HashMap<>(sizes);
    store.forEach(
        RepoKeys.BLOCK_METADATA,
        (key, value) -> {
          Cid cid = RepoKeys.cidOf(key);
          BlockMetadata metadata = BlockMetadata.decode(value);
          Integer size = unaccounted.remove(cid);
          if (size == null) {
            problems.add("metadata names block " + cid + ", which is not stored");
          } else if (size != metadata.size()) {
            problems.add("block " + cid + " holds " + size + " bytes, its metadata says " + metadata.size());
          }
        });
    unaccounted.keySet().forEach(cid -> problems.add("block " + cid + " has no metadata (expiry, size, references)"));
    QuotaUsage usage = store.usage();
    if (usage.used() != bytes[0]) {
      problems.add("the quota counts " + usage.used() + " bytes used, but the blocks hold " + bytes[0]);
    }
    if (usage.totalBlocks() != sizes.size()) {
      problems.add("the quota counts " + usage.totalBlocks() + " blocks, but " + sizes.size() + " are stored");
    }
    checkHolders(store, problems);
    return new Report(sizes.size(), bytes[0], List.copyOf(problems));
  }

  /** A tree loses its data when a dataset is deleted while a holder of it is not recorded. */
  private static void checkHolders(RocksBlockStore store, List<String> problems) {
    Set<Holder> recorded = new HashSet<>();
    store.forEach(
        RepoKeys.HOLDERS,
        (key, value) -> recorded.add(new Holder(RepoKeys.treeOfHolder(key), RepoKeys.manifestOfHolder(key))));
    store.forEachManifest(
        (cid, bytes) -> {
          try {
            Cid treeCid = ManifestCodec.decode(cid, bytes).treeCid();
            if (!recorded.remove(new Holder(treeCid, cid))) {
              problems.add("manifest " + cid + " names tree " + treeCid + " but is not recorded as its holder");
            }
          } catch (InvalidManifestException e) {
            problems.add("manifest " + cid + " does not decode: " + e.getMessage());
          }
        });
    recorded.forEach(
        holder ->
            problems.add(
                "a holder record names manifest " + holder.manifestCid() + " for tree " + holder.treeCid()
                    + ", but no stored manifest " + holder.manifestCid() + " names that tree"));
  }
}
