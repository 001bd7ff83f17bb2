package io.slotbeam.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.InvalidCidException;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.merkle.MerkleProofCodec;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import io.slotbeam.core.protobuf.ProtoReader;
import io.slotbeam.core.slots.InvalidProofInputException;
import io.slotbeam.core.slots.ProofInputJson;

/**
 * Every parser of outside bytes either reads its input or refuses it with its own exception,
 * never anything else (no index, arithmetic or null errors, no huge allocations). In normal test
 * runs Jazzer replays the seeds under src/test/resources; {@code JAZZER_FUZZ=1} fuzzes one test.
 */
class ParsersFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void cidBytesAreReadOrRefused(byte[] bytes) {
    if (bytes == null) {
      return; // null is a caller's bug, not outside input
    }
    try {
      Cid cid = Cid.fromBytes(bytes);
      assertArrayEquals(bytes, cid.toBytes());
      assertEquals(cid, Cid.parse(cid.toString()));
    } catch (InvalidCidException expected) {
      // refused with a reason
    }
  }

  @FuzzTest(maxDuration = "30s")
  void cidTextIsReadOrRefused(String text) {
    if (text == null) {
      return; // null is a caller's bug, not outside input
    }
    try {
      Cid cid = Cid.parse(text);
      assertEquals(cid, Cid.fromBytes(cid.toBytes()));
    } catch (InvalidCidException expected) {
      // refused with a reason
    }
  }

  @FuzzTest(maxDuration = "30s")
  void protobufIsReadOrRefused(byte[] bytes) {
    if (bytes == null) {
      return; // null is a caller's bug, not outside input
    }
    try {
      ProtoReader.parse(bytes);
    } catch (MalformedProtobufException expected) {
      // refused with a reason
    }
  }

  @FuzzTest(maxDuration = "30s")
  void manifestsAreReadOrRefused(byte[] bytes) {
    if (bytes == null) {
      return; // null is a caller's bug, not outside input
    }
    try {
      Manifest manifest = ManifestCodec.decode(bytes);
      assertEquals(manifest, ManifestCodec.decode(ManifestCodec.encode(manifest)));
    } catch (InvalidManifestException expected) {
      // refused with a reason
    }
  }

  @FuzzTest(maxDuration = "30s")
  void merkleProofsAreReadOrRefused(byte[] bytes) {
    if (bytes == null) {
      return; // null is a caller's bug, not outside input
    }
    try {
      MerkleProofCodec.decode(bytes, Sha256Digest::of);
    } catch (MalformedProtobufException | InvalidCidException expected) {
      // refused with a reason
    } catch (IllegalArgumentException expected) {
      // a node of the wrong length or a path that does not fit the leaf count
    }
  }

  @FuzzTest(maxDuration = "30s")
  void circuitInputsAreReadOrRefused(String json) {
    if (json == null) {
      return; // null is a caller's bug, not outside input
    }
    try {
      ProofInputJson.parse(json);
    } catch (InvalidProofInputException expected) {
      // refused with a reason
    }
  }
}
