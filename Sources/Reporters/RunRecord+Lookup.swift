import RunContracts

extension RunRecord {
    /// The execution a failure happened in (same iteration, position and item), for details the failure lacks.
    func execution(of failure: RunFailure) -> ItemExecution? {
        executions.first { $0.owns(failure) }
    }
}

extension ItemExecution {
    /// Whether a failure happened in this execution (same iteration, position and item).
    func owns(_ failure: RunFailure) -> Bool {
        cursor.iteration == failure.cursor.iteration && cursor.position == failure.cursor.position
            && item.id == failure.item.id
    }

    /// Whether a request-error failure is this execution's own request failing (not one from `pm.sendRequest`).
    func isOwnRequestError(_ failure: RunFailure) -> Bool {
        guard failure.kind == .requestError, let error = requestError else { return false }
        return error.code == failure.name && error.message == failure.message
    }
}
