package io.slotbeam.pipelines.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.pipelines.ProvePipelineContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prove pipeline in batch mode on a local Spark with two threads: every slot's proof verifies;
 * periodic mode is refused, naming the runner, before anything runs.
 */
class SparkRunnerProveTest extends ProvePipelineContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=SparkRunner", "--sparkMaster=local[2]");
  }

  /** Periodic mode is refused, naming the runner, before anything runs. */
  @Override
  @Test
  public void periodicModeProvesEveryPeriodWithTheSeedsChallenge() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> prove(repo, "--slots=" + VERIFIABLE + ":0", "--period=1", "--periods=2"));
    assertTrue(e.getMessage().contains("periodic mode (--period) is not supported on the SparkRunner"), e.getMessage());
  }
}
