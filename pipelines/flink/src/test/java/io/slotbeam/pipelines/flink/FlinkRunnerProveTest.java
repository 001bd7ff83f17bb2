package io.slotbeam.pipelines.flink;

import io.slotbeam.pipelines.ProvePipelineContract;
import java.util.List;

/** The prove pipeline on Flink's in-process mini cluster, batch and periodic mode: every proof verifies. */
class FlinkRunnerProveTest extends ProvePipelineContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }
}
