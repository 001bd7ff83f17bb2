package io.slotbeam.node.market;

/** A filled slot and its request ({@code getActiveSlot}, spec node §5.1). */
public record ActiveSlot(StorageRequest request, long slotIndex) {}
