/**
 * Leopard-RS erasure coding as Codex uses it (spec datapath §6.1, §6.7–§6.9).
 *
 * <p>{@link io.slotbeam.core.erasure.ErasureParams} checks K, M and the block size. {@link
 * io.slotbeam.core.erasure.LeopardEncoder} computes parity byte for byte as the C++ library does
 * (copy for K = 1, XOR for M = 1, else FFT encoding over {@link
 * io.slotbeam.core.erasure.LeopardField} GF(2^8) or GF(2^16)), because parity bytes become CIDs and
 * slot roots. {@link io.slotbeam.core.erasure.LeopardDecoder} rebuilds lost blocks from any K
 * present ones with the {@link io.slotbeam.core.erasure.GeneratorMatrix}; any correct decoder will
 * do there.
 *
 * <p>The hot loops run in a package-private kernel: the Vector API one (nibble tables, byte
 * shuffles) when the JVM has {@code jdk.incubator.vector}, else a table-driven scalar one. Both
 * give the same bytes.
 */
package io.slotbeam.core.erasure;
