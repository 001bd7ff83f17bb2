package io.slotbeam.core.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Codex Merkle tree, one algorithm for SHA-256 and Poseidon2 (spec datapath §3.2, §4.7).
 *
 * <p>Pairs are compressed with the bottom key on the leaf layer only; the odd last node of a layer
 * is compressed with {@link KeyedCompressor#zero()} and the odd key. Layers are never padded to a
 * power of two, and a single leaf is never its own root: {@code root([x]) = H(x, zero, 3)}. Example
 * with 3 leaves: {@code H(H(d0, d1, 1), H(d2, zero, 3), 0)}.
 *
 * <p>Holds every layer (about twice the leaves) so that it can answer proofs; when only the root
 * is needed, {@link MerkleRootAccumulator} does it in logarithmic memory.
 */
public final class KeyedMerkleTree<H> {
  private final List<List<H>> layers;

  private KeyedMerkleTree(List<List<H>> layers) {
    this.layers = layers;
  }

  /** Builds the tree of {@code leaves}; refuses an empty list as nim-codex does. */
  public static <H> KeyedMerkleTree<H> build(List<H> leaves, KeyedCompressor<H> compressor) {
    if (leaves.isEmpty()) {
      throw new IllegalArgumentException(
          "a Merkle tree needs at least one leaf, got 0 (nim-codex: 'Empty leaves')");
    }
    List<List<H>> layers = new ArrayList<>();
    List<H> layer = List.copyOf(leaves);
    layers.add(layer);
    boolean bottom = true;
    while (bottom || layer.size() > 1) {
      int pairs = layer.size() / 2;
      List<H> lefts = new ArrayList<>(pairs);
      List<H> rights = new ArrayList<>(pairs);
      for (int i = 0; i < pairs; i++) {
        lefts.add(layer.get(2 * i));
        rights.add(layer.get(2 * i + 1));
      }
      List<H> next =
          new ArrayList<>(compressor.compressAll(lefts, rights, KeyedCompressor.key(bottom, false)));
      if (layer.size() % 2 == 1) {
        next.add(
            compressor.compress(
                layer.get(layer.size() - 1), compressor.zero(), KeyedCompressor.key(bottom, true)));
      }
      layer = Collections.unmodifiableList(next);
      layers.add(layer);
      bottom = false;
    }
    return new KeyedMerkleTree<>(Collections.unmodifiableList(layers));
  }

  /**
   * A tree from its stored layers (leaves first), checking only their sizes: the caller trusts the
   * nodes or checks the paths it uses against a known root (as the sampler does).
   */
  public static <H> KeyedMerkleTree<H> fromLayers(List<List<H>> layers) {
    List<Integer> expected = TreeCodec.layerSizes(layers.isEmpty() ? 0 : layers.get(0).size());
    List<Integer> actual = layers.stream().map(List::size).toList();
    if (layers.isEmpty() || layers.get(0).isEmpty() || !expected.equals(actual)) {
      throw new IllegalArgumentException("tree layers of sizes " + actual + " should be " + expected);
    }
    return new KeyedMerkleTree<>(layers.stream().map(List::copyOf).toList());
  }

  public H root() {
    return layers.get(layers.size() - 1).get(0);
  }

  public int leafCount() {
    return layers.get(0).size();
  }

  public List<H> leaves() {
    return layers.get(0);
  }

  /** Number of layers above the leaves; at least 1. */
  public int depth() {
    return layers.size() - 1;
  }

  /** All layers, leaves first and the root last (the order of the §3.5 tree encoding). */
  public List<List<H>> layers() {
    return layers;
  }

  /** The path of leaf {@code index}, bottom to top; missing siblings are zero (spec §3.4). */
  public MerkleProof<H> proof(int index, KeyedCompressor<H> compressor) {
    int leafCount = leafCount();
    if (index < 0 || index >= leafCount) {
      throw new IndexOutOfBoundsException("leaf " + index + " not in [0, " + leafCount + ")");
    }
    List<H> path = new ArrayList<>(depth());
    int k = index;
    for (int level = 0; level < depth(); level++) {
      List<H> layer = layers.get(level);
      int sibling = k ^ 1;
      path.add(sibling < layer.size() ? layer.get(sibling) : compressor.zero());
      k >>= 1;
    }
    return new MerkleProof<>(index, leafCount, path);
  }

  /** The depth of a tree of {@code leafCount} leaves: {@code max(1, ceil(log2 leafCount))}. */
  public static int depthFor(long leafCount) {
    if (leafCount < 1) {
      throw new IllegalArgumentException("leaf count " + leafCount + " must be at least 1");
    }
    int depth = 0;
    long size = leafCount;
    do {
      size = (size + 1) / 2;
      depth++;
    } while (size > 1);
    return depth;
  }
}
