/// Position of the runner: which iteration, which request of the flattened run order.
package struct Cursor: Sendable, Equatable {
    /// 0-based iteration.
    package var iteration: Int
    /// Iterations in the run.
    package var iterationCount: Int
    /// 0-based index of the item in the run order.
    package var position: Int
    /// Items in the run order.
    package var length: Int
    package init(iteration: Int, iterationCount: Int, position: Int, length: Int) {
        self.iteration = iteration
        self.iterationCount = iterationCount
        self.position = position
        self.length = length
    }
}

/// A request item as reports name it.
package struct ItemReference: Sendable, Equatable {
    /// Item id.
    package var id: String
    /// Item name.
    package var name: String
    /// Folder names from the top down, without the request's own name.
    package var folders: [String]
    package init(id: String, name: String, folders: [String]) {
        self.id = id
        self.name = name
        self.folders = folders
    }
    /// `Folder / Sub / Request`, as Newman's JUnit names suites.
    package var qualifiedName: String { (folders + [name]).joined(separator: " / ") }
}

/// What the run was started with, for report headers.
package struct RunStartInfo: Sendable {
    /// Collection name and id.
    package var collectionName: String
    package var collectionId: String
    /// Path of the collection file (a fetched collection's URL without its query string).
    package var collectionPath: String
    /// Environment name (empty when none).
    package var environmentName: String
    /// Iterations planned.
    package var iterationCount: Int
    /// Wall-clock start, milliseconds since 1970.
    package var startedAt: Double
    /// Where the collection, environment, globals, data and cookie jar came from (JSON `run.sources`).
    package var sources: [InputOrigin] = []
    package init(collectionName: String, collectionId: String, collectionPath: String, environmentName: String,
                 iterationCount: Int, startedAt: Double, sources: [InputOrigin] = []) {
        self.sources = sources
        self.collectionName = collectionName
        self.collectionId = collectionId
        self.collectionPath = collectionPath
        self.environmentName = environmentName
        self.iterationCount = iterationCount
        self.startedAt = startedAt
    }
}

/// One step of a run, delivered in order on the runner's thread. Reporters only listen.
package enum RunEvent: Sendable {
    case runStarted(RunStartInfo)
    case iterationStarted(Cursor)
    case itemStarted(Cursor, ItemReference)
    /// A script of `owner` is about to run (and `scriptFinished` after it).
    case scriptStarted(Cursor, ItemReference, ScriptPhase, owner: String)
    case scriptFinished(Cursor, ItemReference, ScriptPhase, owner: String, ScriptError?)
    /// The request went out and got a response or an error.
    case requestCompleted(Cursor, ItemReference, PreparedRequest, Result<HTTPResponse, TransportError>)
    case assertion(Cursor, ItemReference, AssertionResult)
    case console(Cursor, ItemReference, ConsoleMessage)
    case itemFinished(Cursor, ItemExecution)
    case iterationFinished(Cursor)
    /// Something a user should know that is not a failure (unsupported auth type, unresolved variable).
    case warning(String)
    case runFinished(RunRecord)
}

/// Listens to a run. Called on the runner's thread, in order.
package protocol RunObserver: AnyObject {
    func observe(_ event: RunEvent)
}
