package io.slotbeam.pipelines;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The options of the prove pipeline, besides the runner's own. */
public interface ProveOptions extends PipelineOptions {
  @Description("Block repository folder (FileBlockStore) holding the verifiable datasets")
  @Validation.Required
  String getRepo();

  void setRepo(String repo);

  @Description("Slots to prove, each MANIFEST_CID:SLOT (a verifiable manifest and a slot index)")
  List<String> getSlots();

  void setSlots(List<String> slots);

  @Description("A file of slots to prove, one 'MANIFEST_CID SLOT' (or CID:SLOT) per line; # starts a comment")
  String getSlotList();

  void setSlotList(String slotList);

  @Description("Circuit folder: built circuit (params, witness wasm) with sample_and_prove.zkey and verification_key.json")
  @Validation.Required
  String getCircuit();

  void setCircuit(String circuit);

  @Description("Batch mode: the 32-byte challenge in hex (64 digits)")
  String getChallenge();

  void setChallenge(String challenge);

  @Description("Periodic mode: seconds between challenges (0: batch mode)")
  @Default.Long(0)
  long getPeriod();

  void setPeriod(long period);

  @Description("Periodic mode: how many periods to prove (0: until stopped)")
  @Default.Long(0)
  long getPeriods();

  void setPeriods(long periods);

  @Description("Periodic mode: the seed of the challenges, SHA-256(seed, period) (UTF-8 text)")
  @Default.String("slotbeam")
  String getSeed();

  void setSeed(String seed);

  @Description("Output folder: proofs/DATASET/slot-S/period-P/ and records/period-P.arrow")
  @Validation.Required
  String getOut();

  void setOut(String out);

  @Description("Proofs at once per worker JVM; they share the native prover's threads")
  @Default.Integer(2)
  int getMaxConcurrentProofs();

  void setMaxConcurrentProofs(int maxConcurrentProofs);
}
