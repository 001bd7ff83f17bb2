package io.slotbeam.core.store;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BlockStore} in maps, for tests; it checks blocks on the way out as every store must. */
public final class InMemoryBlockStore implements BlockStore {
  private final Map<Cid, byte[]> blocks = new ConcurrentHashMap<>();
  private final Map<Cid, byte[]> metadata = new ConcurrentHashMap<>();

  @Override
  public void put(Block block) {
    if (!block.cid().equals(Cid.emptyBlock())) {
      blocks.putIfAbsent(block.cid(), block.data());
    }
  }

  @Override
  public Optional<Block> get(Cid cid) {
    if (cid.equals(Cid.emptyBlock())) {
      return Optional.of(Block.empty());
    }
    byte[] data = blocks.get(cid);
    return data == null ? Optional.empty() : Optional.of(Block.verified(cid, data.clone()));
  }

  @Override
  public boolean has(Cid cid) {
    return cid.equals(Cid.emptyBlock()) || blocks.containsKey(cid);
  }

  @Override
  public void delete(Cid cid) {
    blocks.remove(cid);
  }

  @Override
  public void putMetadata(Cid key, byte[] bytes) {
    metadata.putIfAbsent(key, bytes.clone());
  }

  @Override
  public Optional<byte[]> metadata(Cid key) {
    return Optional.ofNullable(metadata.get(key)).map(byte[]::clone);
  }

  /** Flips a bit of a stored block, as a failing disk would. */
  public void corrupt(Cid cid) {
    blocks.get(cid)[0] ^= 1;
  }

  /** Number of stored blocks. */
  public int size() {
    return blocks.size();
  }
}
