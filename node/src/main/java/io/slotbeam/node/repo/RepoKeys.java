package io.slotbeam.node.repo;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The repository's key layout: one RocksDB key space, each kind of record under a one-byte prefix,
 * followed by binary CIDs. Mirrors nim-codex's datastore namespaces (spec node §3.1), in binary.
 *
 * <pre>
 * 'B' cid                 data block bytes (codex-block and any non-manifest codec)
 * 'M' cid                 manifest block bytes (codex-manifest), scanned by the listing
 * 'T' cid                 {@link BlockMetadata} of a stored block ('B' or 'M')
 * 'E' expiry(8, BE) cid   empty: the expiry index, scanned in time order by maintenance
 * 'D' cid                 metadata: a dataset's SHA-256 tree (§3.5 encoding), a slot tree
 * 'L' treeCid index(4,BE) a leaf: its block CID and inclusion proof ({@link LeafRecord})
 * 'H' len(1) treeCid manifestCid
 *                         empty: a stored manifest that names the tree, one of the tree's holders
 * 'V'                     the layout version, 4 bytes BE (absent: a repository without holders)
 * 'Q'                     {@link QuotaUsage}
 * 'N'                     the node's random 32-byte id
 * 'R' path (UTF-8)        a record of the node's roles, e.g. sales ({@link RecordBatch})
 * </pre>
 */
final class RepoKeys {
  static final byte[] BLOCKS = {'B'};
  static final byte[] MANIFESTS = {'M'};
  static final byte[] BLOCK_METADATA = {'T'};
  static final byte[] EXPIRIES = {'E'};
  static final byte[] QUOTA = {'Q'};
  static final byte[] NODE_ID = {'N'};
  static final byte[] RECORDS = {'R'};
  static final byte[] HOLDERS = {'H'};
  static final byte[] LAYOUT = {'V'};
  private static final byte METADATA = 'D';
  private static final byte LEAF = 'L';

  private RepoKeys() {}

  /** Where the bytes of block {@code cid} live: manifests apart, so they can be listed. */
  static byte[] data(Cid cid) {
    return prefixed(cid.contentCodec() == Multicodec.CODEX_MANIFEST ? MANIFESTS[0] : BLOCKS[0], cid);
  }

  static byte[] blockMetadata(Cid cid) {
    return prefixed(BLOCK_METADATA[0], cid);
  }

  static byte[] metadata(Cid cid) {
    return prefixed(METADATA, cid);
  }

  static byte[] expiry(long expiry, Cid cid) {
    byte[] cidBytes = cid.toBytes();
    return ByteBuffer.allocate(1 + Long.BYTES + cidBytes.length)
        .put(EXPIRIES[0])
        .putLong(expiry)
        .put(cidBytes)
        .array();
  }

  /** The expiry in an {@link #expiry} key. */
  static long expiryOf(byte[] key) {
    return ByteBuffer.wrap(key, 1, Long.BYTES).getLong();
  }

  /** The CID in an {@link #expiry} key. */
  static Cid cidOfExpiry(byte[] key) {
    return Cid.fromBytes(Arrays.copyOfRange(key, 1 + Long.BYTES, key.length));
  }

  /** The CID after the prefix byte of a 'B', 'M' or 'T' key. */
  static Cid cidOf(byte[] key) {
    return Cid.fromBytes(Arrays.copyOfRange(key, 1, key.length));
  }

  static byte[] leaf(Cid treeCid, int index) {
    byte[] cidBytes = treeCid.toBytes();
    return ByteBuffer.allocate(1 + cidBytes.length + Integer.BYTES)
        .put(LEAF)
        .put(cidBytes)
        .putInt(index)
        .array();
  }

  /** The key that counts manifest {@code manifestCid} among the holders of tree {@code treeCid}. */
  static byte[] holder(Cid treeCid, Cid manifestCid) {
    byte[] prefix = holders(treeCid);
    byte[] manifest = manifestCid.toBytes();
    byte[] key = Arrays.copyOf(prefix, prefix.length + manifest.length);
    System.arraycopy(manifest, 0, key, prefix.length, manifest.length);
    return key;
  }

  /**
   * The prefix of the holder keys of tree {@code treeCid}. The CID's length is in the key, so the
   * prefix of one tree never matches another's.
   */
  static byte[] holders(Cid treeCid) {
    byte[] tree = treeCid.toBytes();
    byte[] key = new byte[2 + tree.length];
    key[0] = HOLDERS[0];
    key[1] = (byte) tree.length;
    System.arraycopy(tree, 0, key, 2, tree.length);
    return key;
  }

  /** The tree CID in a {@link #holder} key. */
  static Cid treeOfHolder(byte[] key) {
    return Cid.fromBytes(Arrays.copyOfRange(key, 2, 2 + Byte.toUnsignedInt(key[1])));
  }

  /** The manifest CID in a {@link #holder} key. */
  static Cid manifestOfHolder(byte[] key) {
    return Cid.fromBytes(Arrays.copyOfRange(key, 2 + Byte.toUnsignedInt(key[1]), key.length));
  }

  /** The key of the record at {@code path}, e.g. {@code /sales/reservations/<id>}. */
  static byte[] record(String path) {
    return recordPrefix(checkRecordKey(path));
  }

  /** The prefix of the keys of every record whose path starts with {@code pathPrefix}. */
  static byte[] recordPrefix(String pathPrefix) {
    byte[] utf8 = pathPrefix.getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[1 + utf8.length];
    key[0] = RECORDS[0];
    System.arraycopy(utf8, 0, key, 1, utf8.length);
    return key;
  }

  /** The path in a {@link #record} key. */
  static String recordPath(byte[] key) {
    return new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
  }

  /** Returns {@code path} if it is a datastore path: starts with '/', no empty segment. */
  static String checkRecordKey(String path) {
    if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
      throw new IllegalArgumentException(
          "record key '" + path + "' is not a datastore path (/a/b, no empty segment)");
    }
    return path;
  }

  static boolean hasPrefix(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] prefixed(byte prefix, Cid cid) {
    byte[] cidBytes = cid.toBytes();
    byte[] key = new byte[1 + cidBytes.length];
    key[0] = prefix;
    System.arraycopy(cidBytes, 0, key, 1, cidBytes.length);
    return key;
  }
}
