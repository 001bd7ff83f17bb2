/**
 * The jobs that compose core into a Codex dataset in a {@link io.slotbeam.core.store.BlockStore}:
 * {@link io.slotbeam.core.dataset.Upload} (blocks, tree, plain manifest).
 * Erasure coding and repair live in {@code core.erasure}, slots in {@code core.slots}.
 */
package io.slotbeam.core.dataset;
