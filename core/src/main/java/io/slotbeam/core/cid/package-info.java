/**
 * Identifiers (spec datapath §1): unsigned varints, the multicodec table with Codex's private
 * codes, multihashes and CIDv1 in binary and {@code z…} base58btc text. Every parser checks what
 * it reads and names the bad value in an {@link io.slotbeam.core.cid.InvalidCidException}.
 */
package io.slotbeam.core.cid;
