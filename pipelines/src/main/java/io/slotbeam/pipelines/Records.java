package io.slotbeam.pipelines;

import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.Fr;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.Coder;

/**
 * The small values that flow between the encode pipeline's steps, and their coders. Block bytes
 * never flow: workers write them to the block store and pass on their {@link BlockRef}s.
 */
final class Records {
  private Records() {}

  /** A run of {@code count} blocks of a file starting at block {@code first}: one read. */
  record BlockRange(long first, int count) {}

  /** The K data blocks of erasure group {@code group}, in Leopard input order. */
  record ErasureGroup(int group, List<BlockRef> data) {}

  /** The M parity CIDs of erasure group {@code group}, parity 0 first. */
  record GroupParity(int group, List<Cid> parity) {}

  /** Slot {@code slot} of the protected dataset whose manifest is {@code manifest}. */
  record SlotOfFile(SourceFile file, Cid manifest, int slot) {}

  /** A block at {@code position} in its slot. */
  record SlotBlock(long position, BlockRef block) {}

  /** The root of the block at {@code position} in its slot. */
  record BlockRoot(long position, Fr root) {}

  /** The root of slot {@code slot}. */
  record SlotRoot(int slot, Fr root) {}

  /**
   * The manifests stored for one file so far: plain, then protected and verifiable when the
   * dataset is erasure-coded.
   */
  record Manifests(Cid plain, Optional<Cid> protectedCid, Optional<Cid> verifiable) {
    static Manifests plainOnly(Cid plain) {
      return new Manifests(plain, Optional.empty(), Optional.empty());
    }

    Manifests withProtected(Cid cid) {
      return new Manifests(plain, Optional.of(cid), verifiable);
    }

    Manifests withVerifiable(Cid cid) {
      return new Manifests(plain, protectedCid, Optional.of(cid));
    }
  }

  static final Coder<BlockRange> RANGE =
      RecordCoder.of(
          (r, out) -> {
            out.writeLong(r.first());
            out.writeInt(r.count());
          },
          in -> new BlockRange(in.readLong(), in.readInt()));

  static final Coder<BlockRef> BLOCK_REF =
      RecordCoder.of(Records::writeBlockRef, Records::readBlockRef);

  static final Coder<ErasureGroup> ERASURE_GROUP =
      RecordCoder.of(
          (g, out) -> {
            out.writeInt(g.group());
            out.writeInt(g.data().size());
            for (BlockRef ref : g.data()) {
              writeBlockRef(ref, out);
            }
          },
          in -> {
            int group = in.readInt();
            int size = in.readInt();
            List<BlockRef> data = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
              data.add(readBlockRef(in));
            }
            return new ErasureGroup(group, data);
          });

  static final Coder<GroupParity> GROUP_PARITY =
      RecordCoder.of(
          (p, out) -> {
            out.writeInt(p.group());
            out.writeInt(p.parity().size());
            for (Cid cid : p.parity()) {
              RecordCoder.writeBytes(out, cid.toBytes());
            }
          },
          in -> {
            int group = in.readInt();
            int size = in.readInt();
            List<Cid> parity = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
              parity.add(Cid.fromBytes(RecordCoder.readBytes(in)));
            }
            return new GroupParity(group, parity);
          });

  static final Coder<SlotOfFile> SLOT_OF_FILE =
      RecordCoder.of(
          (s, out) -> {
            SourceFile.CODER.encode(s.file(), out);
            RecordCoder.writeBytes(out, s.manifest().toBytes());
            out.writeInt(s.slot());
          },
          in ->
              new SlotOfFile(
                  SourceFile.CODER.decode(in), Cid.fromBytes(RecordCoder.readBytes(in)), in.readInt()));

  static final Coder<SlotBlock> SLOT_BLOCK =
      RecordCoder.of(
          (b, out) -> {
            out.writeLong(b.position());
            writeBlockRef(b.block(), out);
          },
          in -> new SlotBlock(in.readLong(), readBlockRef(in)));

  static final Coder<BlockRoot> BLOCK_ROOT =
      RecordCoder.of(
          (r, out) -> {
            out.writeLong(r.position());
            out.write(r.root().toBytes());
          },
          in -> new BlockRoot(in.readLong(), readFr(in)));

  static final Coder<SlotRoot> SLOT_ROOT =
      RecordCoder.of(
          (r, out) -> {
            out.writeInt(r.slot());
            out.write(r.root().toBytes());
          },
          in -> new SlotRoot(in.readInt(), readFr(in)));

  static final Coder<Manifests> MANIFESTS =
      RecordCoder.of(
          (m, out) -> {
            RecordCoder.writeBytes(out, m.plain().toBytes());
            writeOptionalCid(out, m.protectedCid());
            writeOptionalCid(out, m.verifiable());
          },
          in ->
              new Manifests(
                  Cid.fromBytes(RecordCoder.readBytes(in)), readOptionalCid(in), readOptionalCid(in)));

  private static void writeBlockRef(BlockRef ref, DataOutputStream out) throws IOException {
    out.writeLong(ref.index());
    RecordCoder.writeBytes(out, ref.cid().toBytes());
  }

  private static BlockRef readBlockRef(DataInputStream in) throws IOException {
    return new BlockRef(in.readLong(), Cid.fromBytes(RecordCoder.readBytes(in)));
  }

  private static Fr readFr(DataInputStream in) throws IOException {
    byte[] bytes = new byte[Fr.BYTES];
    in.readFully(bytes);
    return Fr.fromBytes(bytes);
  }

  private static void writeOptionalCid(DataOutputStream out, Optional<Cid> cid) throws IOException {
    RecordCoder.writeBytes(out, cid.map(Cid::toBytes).orElse(new byte[0]));
  }

  private static Optional<Cid> readOptionalCid(DataInputStream in) throws IOException {
    byte[] bytes = RecordCoder.readBytes(in);
    return bytes.length == 0 ? Optional.empty() : Optional.of(Cid.fromBytes(bytes));
  }
}
