/**
 * Codex manifests (spec datapath §7): the immutable {@link io.slotbeam.core.manifest.Manifest}
 * model for plain, protected and verifiable datasets, its byte-exact protobuf codec and manifest
 * CID ({@link io.slotbeam.core.manifest.ManifestCodec}), and its JSON views ({@link
 * io.slotbeam.core.manifest.ManifestJson}). Every check throws an {@link
 * io.slotbeam.core.manifest.InvalidManifestException} naming the bad value.
 */
package io.slotbeam.core.manifest;
