/**
 * Block hashing in libslotbeam behind core's {@link io.slotbeam.core.hash.BlockHasher}: {@link
 * io.slotbeam.prover.hash.NativeBlockHasher} hashes a block (or many) per native call, and {@link
 * io.slotbeam.prover.hash.BlockHashers} picks the native or the Java hasher by name or by
 * availability.
 */
package io.slotbeam.prover.hash;
