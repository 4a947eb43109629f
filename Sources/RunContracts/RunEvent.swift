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
    /// `--shard I/N`: which slice of a larger run this is (JSON `run.shard`); `nil` for a whole run.
    package var shard: RunShard?
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

/// The part of a larger run one `carrier run --shard I/N` did, as its JSON report records it for
/// `carrier merge-reports`.
package struct RunShard: Sendable, Equatable {
    /// What was sliced: each shard ran some of the environments, some of the data file's iterations, or (when
    /// there was neither to slice) shard 1 ran everything.
    package enum Slice: String, Sendable { case environments, iterations, whole }
    /// 1-based.
    package var index: Int
    package var total: Int
    package var slice: Slice
    /// The environment's name as the run reports it (empty without `-e`).
    package var environment: String
    /// Its place among every environment of the unsharded run (0-based), and how many there were: the merge puts
    /// the environments back in the order one run would have reported them.
    package var position: Int
    package var environmentCount: Int
    package init(index: Int, total: Int, slice: Slice, environment: String, position: Int, environmentCount: Int) {
        self.index = index
        self.total = total
        self.slice = slice
        self.environment = environment
        self.position = position
        self.environmentCount = environmentCount
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
