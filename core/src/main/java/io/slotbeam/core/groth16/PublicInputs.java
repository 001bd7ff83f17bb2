package io.slotbeam.core.groth16;

import io.slotbeam.core.field.Fr;
import java.util.List;

/**
 * The public inputs of a Groth16 statement, in circuit order, without the constant wire 0. For the
 * Codex circuit: {@code [entropy, dataSetRoot, slotIndex]} (spec datapath §10.7, §11.3). Each is an
 * {@link Fr}, so below r by construction.
 */
public record PublicInputs(List<Fr> values) {
  public PublicInputs {
    values = List.copyOf(values);
  }

  public static PublicInputs of(Fr... values) {
    return new PublicInputs(List.of(values));
  }

  public int size() {
    return values.size();
  }

  public Fr get(int index) {
    return values.get(index);
  }
}
