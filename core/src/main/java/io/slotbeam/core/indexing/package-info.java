/**
 * Indexing strategies (spec datapath §6.6): which block indices an erasure group (Stepped) or a
 * slot (Linear) takes from a dataset.
 */
package io.slotbeam.core.indexing;
