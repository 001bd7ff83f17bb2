/**
 * The storage-proof circuit of Codex (spec datapath §10): our circom sources, their npm-pinned
 * build, and witness generation in the JVM.
 */
package io.slotbeam.circuits;
