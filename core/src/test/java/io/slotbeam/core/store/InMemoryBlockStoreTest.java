package io.slotbeam.core.store;

import io.slotbeam.core.cid.Cid;

class InMemoryBlockStoreTest extends BlockStoreContract {
  @Override
  protected BlockStore newStore() {
    return new InMemoryBlockStore();
  }

  @Override
  protected void corrupt(Cid cid) {
    ((InMemoryBlockStore) store).corrupt(cid);
  }
}
