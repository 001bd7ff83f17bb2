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

  /**
   * A run of {@code count} units of a file starting at unit {@code first}: blocks to chunk, or
   * erasure groups to encode. One work item.
   */
  record Range(long first, int count) {}

  /**
   * What encoding erasure group {@code group} of a file stored: its {@code blocks} (the data blocks
   * but padding, then the parity blocks) at their indices in the protected dataset, and the slot
   * tree's block root of each, in the same order.
   */
  record EncodedGroup(int group, List<BlockRef> blocks, List<Fr> roots) {
    EncodedGroup {
      if (blocks.size() != roots.size()) {
        throw new IllegalArgumentException(blocks.size() + " blocks but " + roots.size() + " block roots");
      }
    }
  }

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

  static final Coder<Range> RANGE =
      RecordCoder.of(
          (r, out) -> {
            out.writeLong(r.first());
            out.writeInt(r.count());
          },
          in -> new Range(in.readLong(), in.readInt()));

  static final Coder<BlockRef> BLOCK_REF =
      RecordCoder.of(Records::writeBlockRef, Records::readBlockRef);

  static final Coder<EncodedGroup> ENCODED_GROUP =
      RecordCoder.of(
          (g, out) -> {
            out.writeInt(g.group());
            out.writeInt(g.blocks().size());
            for (int i = 0; i < g.blocks().size(); i++) {
              writeBlockRef(g.blocks().get(i), out);
              out.write(g.roots().get(i).toBytes());
            }
          },
          in -> {
            int group = in.readInt();
            int size = in.readInt();
            List<BlockRef> blocks = new ArrayList<>(size);
            List<Fr> roots = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
              blocks.add(readBlockRef(in));
              roots.add(readFr(in));
            }
            return new EncodedGroup(group, blocks, roots);
          });

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
