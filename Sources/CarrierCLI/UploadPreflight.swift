import CollectionModel
import Foundation
import RunnerCore

/// Checks, before anything is sent, that every upload file named literally in the run (formdata `src`, file
/// bodies) exists. Newman only warns and sends the request without the file, which in CI against a live service
/// half-creates things; a missing literal path is a broken collection, so Carrier refuses it up front (exit 2).
/// Paths with `{{variables}}` are left to the run: their value is only known after the scripts ran.
enum UploadPreflight {
    /// Methods whose body postman-runtime drops, so their files are never read.
    private static let methodsWithoutBody: Set<String> = ["GET", "HEAD", "COPY", "PURGE", "UNLOCK"]

    static func check(_ inputs: RunInputs, collectionPath: String, workingDirectory: String) throws(CLIError) {
        var paths: [String: String] = [:]
        index(inputs.collection.items, into: &paths)
        for planned in inputs.plan.items {
            let request = planned.request
            guard let body = request.body, !body.disabled, !methodsWithoutBody.contains(request.method.uppercased()) else { continue }
            let place = (paths[planned.reference.id] ?? "request \"\(planned.reference.name)\"") + ".request.body"
            switch body.mode {
            case .formdata:
                for (index, parameter) in body.formdata.enumerated() where parameter.kind == .file && !parameter.disabled {
                    for source in parameter.sources {
                        try requireFile(source, place: "\(place).formdata[\(index)].src", collectionPath: collectionPath,
                                        workingDirectory: workingDirectory)
                    }
                }
            case .file where body.fileContent == nil:
                if let source = body.fileSource {
                    try requireFile(source, place: "\(place).file.src", collectionPath: collectionPath, workingDirectory: workingDirectory)
                }
            default:
                break
            }
        }
    }

    private static func requireFile(_ source: String, place: String, collectionPath: String, workingDirectory: String) throws(CLIError) {
        guard !source.isEmpty, !source.contains("{{") else { return }
        let path = source.hasPrefix("/") ? source : workingDirectory + "/" + source
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return }
        throw CLIError("\(collectionPath): \(place): upload file \"\(source)\" not found in \(workingDirectory); "
                       + "fix the path or pass --working-dir")
    }

    private static func index(_ items: [Item], into paths: inout [String: String]) {
        for item in items {
            paths[item.id] = item.jsonPath
            if let children = item.children { index(children, into: &paths) }
        }
    }
}
