package io.slotbeam.pipelines.flink;

import io.slotbeam.pipelines.EncodePipelineContract;
import java.util.List;

/** The encode pipeline on Flink's in-process mini cluster gives the single-file path's bytes. */
class FlinkRunnerEncodeTest extends EncodePipelineContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }
}
