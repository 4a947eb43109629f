import RunnerCore

extension RunRecord {
    /// The execution a failure happened in (same iteration, position and item), for details the failure lacks.
    func execution(of failure: RunFailure) -> ItemExecution? {
        executions.first {
            $0.cursor.iteration == failure.cursor.iteration && $0.cursor.position == failure.cursor.position
                && $0.item.id == failure.item.id
        }
    }
}
