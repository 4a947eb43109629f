import JSONValue

extension JSONFieldReader {
    /// A request `body` in any of its modes; every field present is kept, whatever the mode, so that a script
    /// switching `mode` still finds the data (postman-collection keeps them too).
    func requestBody(_ value: JSONValue, at path: String) throws(LoadError) -> RequestBody {
        let object = try self.object(value, at: path)
        let modeName = try optionalString(object, "mode", at: path)
        var body = RequestBody(mode: modeName.flatMap(RequestBody.Mode.init(rawValue:)))
        body.raw = try optionalString(object, "raw", at: path)
        if let options = try optionalObject(object, "options", at: path) {
            let optionsPath = JSONFieldReader.path(path, key: "options")
            if let raw = try optionalObject(options, "raw", at: optionsPath) {
                body.rawLanguage = try optionalString(raw, "language", at: JSONFieldReader.path(optionsPath, key: "raw"))
            }
        }
        if let items = try optionalList(object, "urlencoded", at: path) {
            body.urlencoded = try keyValues(items)
        }
        if let items = try optionalList(object, "formdata", at: path) {
            body.formdata = try formParameters(items)
        }
        if let fileValue = field(object, "file") {
            let filePath = JSONFieldReader.path(path, key: "file")
            let file = try self.object(fileValue, at: filePath)
            body.fileSource = try optionalString(file, "src", at: filePath)
            body.fileContent = try optionalString(file, "content", at: filePath)
        }
        if let graphql = try optionalObject(object, "graphql", at: path) {
            let graphqlPath = JSONFieldReader.path(path, key: "graphql")
            body.graphqlQuery = try optionalString(graphql, "query", at: graphqlPath)
            switch field(graphql, "variables") {
            case nil: break
            // The app writes variables as a JSON string; an object written by hand is kept as its JSON text.
            case .object(let variables)?: body.graphqlVariables = JSONValue.object(variables).serialized()
            case let other?: body.graphqlVariables = try scalarString(other, at: JSONFieldReader.path(graphqlPath, key: "variables"))
            }
        }
        body.disabled = try bool(object, "disabled", at: path)
        return body
    }

    private func formParameters(_ items: [Located]) throws(LoadError) -> [FormParameter] {
        var result: [FormParameter] = []
        for (item, itemPath) in items {
            let object = try self.object(item, at: itemPath)
            let typeName = try optionalString(object, "type", at: itemPath)
            var sources: [String] = []
            switch field(object, "src") {
            case nil: break
            case .array(let list)?:
                for (sourceIndex, source) in list.enumerated() {
                    sources.append(try scalarString(source, at: JSONFieldReader.path(JSONFieldReader.path(itemPath, key: "src"), index: sourceIndex)))
                }
            case let single?:
                sources = [try scalarString(single, at: JSONFieldReader.path(itemPath, key: "src"))]
            }
            result.append(FormParameter(key: try optionalString(object, "key", at: itemPath) ?? "",
                                        value: try optionalString(object, "value", at: itemPath),
                                        kind: typeName == "file" ? .file : .text,
                                        sources: sources,
                                        contentType: try optionalString(object, "contentType", at: itemPath),
                                        disabled: try bool(object, "disabled", at: itemPath)))
        }
        return result
    }
}

extension FormParameter {
    /// `{key, value?, type, src?, contentType?, disabled?}`; one source is written as a string, several as an array.
    package var jsonValue: JSONValue {
        var object: JSONObject = ["key": .string(key)]
        if let value { object["value"] = .string(value) }
        object["type"] = .string(kind.rawValue)
        if sources.count == 1 {
            object["src"] = .string(sources[0])
        } else if !sources.isEmpty {
            object["src"] = .array(sources.map(JSONValue.string))
        }
        if let contentType { object["contentType"] = .string(contentType) }
        if disabled { object["disabled"] = true }
        return .object(object)
    }
}

extension RequestBody {
    /// The v2.1 body object with every field the model holds.
    package var jsonValue: JSONValue {
        var object = JSONObject()
        if let mode { object["mode"] = .string(mode.rawValue) }
        if let raw { object["raw"] = .string(raw) }
        if let rawLanguage { object["options"] = ["raw": ["language": .string(rawLanguage)]] }
        if !urlencoded.isEmpty { object["urlencoded"] = .array(urlencoded.map(\.jsonValue)) }
        if !formdata.isEmpty { object["formdata"] = .array(formdata.map(\.jsonValue)) }
        if fileSource != nil || fileContent != nil {
            var file = JSONObject()
            if let fileSource { file["src"] = .string(fileSource) }
            if let fileContent { file["content"] = .string(fileContent) }
            object["file"] = .object(file)
        }
        if graphqlQuery != nil || graphqlVariables != nil {
            var graphql = JSONObject()
            if let graphqlQuery { graphql["query"] = .string(graphqlQuery) }
            if let graphqlVariables { graphql["variables"] = .string(graphqlVariables) }
            object["graphql"] = .object(graphql)
        }
        if disabled { object["disabled"] = true }
        return .object(object)
    }
}
