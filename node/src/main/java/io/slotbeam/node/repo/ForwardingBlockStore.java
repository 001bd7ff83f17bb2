package io.slotbeam.node.repo;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.util.Optional;

/**
 * A {@link BlockStore} that passes every call to a {@link RocksBlockStore}: the base of views that
 * change one part of it (an upload that can be undone, a host's view of one slot).
 */
public abstract class ForwardingBlockStore implements BlockStore {
  protected final RocksBlockStore store;

  protected ForwardingBlockStore(RocksBlockStore store) {
    this.store = store;
  }

  @Override
  public void put(Block block) throws IOException {
    store.put(block);
  }

  @Override
  public Optional<Block> get(Cid cid) throws IOException {
    return store.get(cid);
  }

  @Override
  public boolean has(Cid cid) throws IOException {
    return store.has(cid);
  }

  @Override
  public void delete(Cid cid) throws IOException {
    store.delete(cid);
  }

  @Override
  public void putMetadata(Cid key, byte[] bytes) throws IOException {
    store.putMetadata(key, bytes);
  }

  @Override
  public Optional<byte[]> metadata(Cid key) throws IOException {
    return store.metadata(key);
  }

  @Override
  public Optional<Leaf> leaf(Cid treeCid, int index) throws IOException {
    return store.leaf(treeCid, index);
  }
}
