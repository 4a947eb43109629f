import AuthSigning
import RunContracts
import CollectionModel
import JSONValue

/// Where a run's iteration data comes from, checked and counted up front: rows held in memory, or a `-d` file
/// read again row by row during the run, so that a data file of any length never has to fit in memory.
/// `Sendable`: several runs (environments) may share it, each reading through its own `IterationRows`.
package struct IterationData: Sendable {
    /// Rows in the data (the default iteration count); 0 without data.
    package let count: Int
    /// Every column (key) some row has, in first-seen order.
    package let columnNames: [String]
    private let rows: [JSONObject]
    private let path: String?

    /// No data.
    package static let none = IterationData([])

    /// Rows already in memory.
    package init(_ rows: [JSONObject]) {
        self.rows = rows
        count = rows.count
        columnNames = IterationData.columns(of: rows)
        path = nil
    }

    /// The rows of `path`, checked whole now (so a broken file is a load error before anything is sent) and
    /// counted, keeping none; each run then reads the file again as it goes.
    package init(path: String) throws(LoadError) {
        var reader = try IterationDataReader(path: path)
        var counted = 0
        var names: [String] = []
        var seen: Set<String> = []
        while let row = try reader.nextRow() {
            counted += 1
            for member in row.members where seen.insert(member.key).inserted { names.append(member.key) }
        }
        count = counted
        columnNames = names
        rows = []
        self.path = path
    }

    /// Every row of data already in memory (fetched from a URL), read and checked now; `file` names it in errors.
    package init(bytes: [UInt8], file: String) throws(LoadError) {
        var reader = try IterationDataReader(bytes: bytes, file: file)
        var all: [JSONObject] = []
        while let row = try reader.nextRow() { all.append(row) }
        self.init(all)
    }

    /// A reader positioned before the first row.
    package func makeRows() -> IterationRows { IterationRows(rows: rows, path: count > 0 ? path : nil, count: count) }

    private static func columns(of rows: [JSONObject]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for row in rows {
            for member in row.members where seen.insert(member.key).inserted { names.append(member.key) }
        }
        return names
    }
}

/// One run's way through its `IterationData`. Iterations ask in increasing order; past the last row they get
/// the last row again, as Newman reuses it.
package final class IterationRows {
    private let rows: [JSONObject]
    private let path: String?
    private let count: Int
    private var reader: IterationDataReader?
    /// The row most recently read from the file, and its index.
    private var current: (index: Int, row: JSONObject)?

    init(rows: [JSONObject], path: String?, count: Int) {
        self.rows = rows
        self.path = path
        self.count = count
    }

    /// The row for 0-based `iteration`, or `nil` without data.
    package func row(for iteration: Int) -> JSONObject? {
        guard count > 0 else { return nil }
        let index = min(iteration, count - 1)
        guard let path else { return rows[index] }
        if let current, current.index == index { return current.row }
        if current == nil || index < (current?.index ?? 0) {
            // First use, or an earlier row asked for again: start over (iterations normally only move forward).
            reader = try? IterationDataReader(path: path)
            current = nil
        }
        while (current?.index ?? -1) < index {
            // The file was checked whole before the run; should it change underneath, the last row read stands in
            // for the missing ones rather than failing halfway through the run.
            guard let row = try? reader?.nextRow() else { break }
            current = ((current?.index ?? -1) + 1, row)
        }
        return current?.row ?? [:]
    }
}
