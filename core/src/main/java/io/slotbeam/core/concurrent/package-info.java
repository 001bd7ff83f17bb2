/**
 * How core spreads work over the caller's executor ({@link
 * io.slotbeam.core.concurrent.ParallelTasks}); it depends on no other core package, so the
 * store, erasure, slot and dataset jobs can all use it.
 */
package io.slotbeam.core.concurrent;
