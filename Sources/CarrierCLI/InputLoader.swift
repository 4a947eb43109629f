import CollectionModel
import JSONValue
import RunContracts
import RunnerCore

/// Turns sources into the model (the collection, variable files, iteration data, cookies), each with where it came
/// from. Local files read as before; fetched ones are decoded from the bytes received, with the same checks, so a
/// body that is not what the flag expects is one exit-2 line before anything is sent.
struct InputLoader {
    let fetcher: InputFetcher

    /// A collection, unwrapped from `{"collection": …}` (the Postman API's envelope; Newman unwraps it too).
    func collection(_ source: InputSource) throws(CLIError) -> (Collection, InputOrigin) {
        let input = try fetcher.read(source, role: .collection)
        do {
            let document = Self.unwrapCollection(try CollectionLoader.parseJSON(bytes: input.bytes, file: input.name))
            let collection = try CollectionLoader.decodeCollection(document, file: input.name)
            var origin = input.origin
            origin.updatedAt = document["info"]?["updatedAt"]?.stringValue
            return (collection, origin)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// An environment or globals file (the decoder unwraps `{"environment": …}` itself).
    func variableFile(_ source: InputSource, role: InputRole) throws(CLIError) -> (VariableFile, InputOrigin) {
        let input = try fetcher.read(source, role: role)
        do {
            let document = try CollectionLoader.parseJSON(bytes: input.bytes, file: input.name)
            let file = try CollectionLoader.decodeVariableFile(document, file: input.name,
                                                               kind: role == .globals ? .globals : .environment)
            var origin = input.origin
            origin.updatedAt = (document["environment"] ?? document)["updatedAt"]?.stringValue
            return (file, origin)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// `-d`: a local file is checked now and streamed during the run (no hash: it is not read whole); a fetched
    /// one is held in memory (it is bounded by `--max-response-size`).
    func iterationData(_ source: InputSource) throws(CLIError) -> (IterationData, InputOrigin) {
        do {
            if case .file(let path) = source {
                return (try IterationData(path: path), InputOrigin(role: InputRole.iterationData.rawValue, kind: "file", location: path))
            }
            let input = try fetcher.read(source, role: .iterationData)
            return (try IterationData(bytes: input.bytes, file: input.name), input.origin)
        } catch let error as LoadError {
            throw CLIError(error.description)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(source.display): \(error)")
        }
    }

    /// `--cookie-jar`: tough-cookie's serialized jar.
    func cookies(_ source: InputSource) throws(CLIError) -> ([Cookie], InputOrigin) {
        let input: InputBytes
        do {
            input = try fetcher.read(source, role: .cookieJar)
        } catch {
            if case .file(let path) = source, error.message.hasSuffix("file not found; check the path") {
                throw CLIError("\(path): cookie jar file not found; check the --cookie-jar path")
            }
            throw error
        }
        return (try CookieJarFile.read(bytes: input.bytes, name: input.name), input.origin)
    }

    /// `{"collection": {...}}` without `info` or `item` beside it: the inner document.
    static func unwrapCollection(_ document: JSONValue) -> JSONValue {
        guard case .object(let root) = document, root["info"] == nil, root["item"] == nil,
              let inner = root["collection"], case .object = inner else { return document }
        return inner
    }
}
