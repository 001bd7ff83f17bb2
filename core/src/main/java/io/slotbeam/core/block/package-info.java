/**
 * Blocks and chunking (spec datapath §2): fixed-size blocks, the last one zero-padded, each named
 * by its SHA-256 {@code codex-block} CID; {@link io.slotbeam.core.block.DatasetHasher} turns a
 * stream into the facts of a plain manifest, including its {@code treeCid}, in bounded memory.
 */
package io.slotbeam.core.block;
