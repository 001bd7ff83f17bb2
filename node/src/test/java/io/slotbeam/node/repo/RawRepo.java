package io.slotbeam.node.repo;

import io.slotbeam.core.cid.Cid;
import java.io.IOException;
import java.nio.file.Path;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** Changes a closed repository behind its back, as a failing disk would. */
public final class RawRepo {
  private RawRepo() {}

  /** Flips one bit of the stored bytes of block {@code cid} in the closed repository in {@code dir}. */
  public static void corruptBlock(Path dir, Cid cid) throws IOException {
    byte[] key = RepoKeys.data(cid);
    try (RocksDB db = RocksDB.open(dir.toString())) {
      byte[] value = db.get(key);
      if (value == null) {
        throw new IllegalArgumentException("block " + cid + " is not in " + dir);
      }
      value[value.length / 2] ^= 1;
      db.put(key, value);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }
}
