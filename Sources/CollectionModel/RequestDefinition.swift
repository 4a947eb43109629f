import JSONValue

/// A request as written in the collection: unresolved, `{{variables}}` still in place.
package struct RequestDefinition: Sendable {
    /// `method`, upper-cased; `GET` when absent.
    package var method: String
    /// The URL, structured.
    package var url: RequestURL
    /// `header[]`, in order, disabled ones kept (and skipped when sending).
    package var headers: [KeyValue]
    /// `body`, when present.
    package var body: RequestBody?
    /// The request's own auth: `nil` inherits from the nearest folder, then the collection.
    package var auth: Auth?
    /// `description` as text.
    package var description: String?

    package init(method: String = "GET", url: RequestURL = RequestURL(), headers: [KeyValue] = [],
                 body: RequestBody? = nil, auth: Auth? = nil, description: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.auth = auth
        self.description = description
    }
}

/// A key/value pair with Postman's `disabled` flag: headers, query parameters, urlencoded fields.
package struct KeyValue: Sendable, Equatable {
    /// `key` (`nil` for a query part written without one).
    package var key: String?
    /// `value` (`nil` distinguishes `?a` from `?a=` in queries).
    package var value: String?
    /// `disabled: true` entries are not sent.
    package var disabled: Bool
    /// `description`, if any.
    package var description: String?

    package init(key: String?, value: String?, disabled: Bool = false, description: String? = nil) {
        self.key = key
        self.value = value
        self.disabled = disabled
        self.description = description
    }
}

/// A URL as postman-collection models it. A string URL in the file is parsed into these parts.
package struct RequestURL: Sendable, Equatable {
    /// `raw`, as written (informational; the parts are what is sent, as in postman-collection).
    package var raw: String
    /// `protocol`, without `://` (`nil` when absent).
    package var scheme: String?
    /// `auth` user info in the URL (`user:password@`), if any.
    package var userInfo: String?
    /// Host labels (`["api", "example", "com"]` or `["{{baseUrl}}"]`).
    package var host: [String]
    /// `port`, as text (may hold a variable).
    package var port: String?
    /// Path segments, without slashes; `:name` segments are path variables.
    package var path: [String]
    /// Query parameters in order.
    package var query: [KeyValue]
    /// `hash` (fragment), never sent.
    package var hash: String?
    /// `variable[]`: values for `:name` path segments.
    package var pathVariables: [Variable]

    package init(raw: String = "", scheme: String? = nil, userInfo: String? = nil, host: [String] = [],
                 port: String? = nil, path: [String] = [], query: [KeyValue] = [], hash: String? = nil,
                 pathVariables: [Variable] = []) {
        self.raw = raw
        self.scheme = scheme
        self.userInfo = userInfo
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.hash = hash
        self.pathVariables = pathVariables
    }
}

/// `body` of a request.
package struct RequestBody: Sendable {
    /// `mode`.
    package enum Mode: String, Sendable { case raw, urlencoded, formdata, file, graphql }
    /// `mode` (`nil` when absent or unknown: nothing is sent).
    package var mode: Mode?
    /// `raw` text.
    package var raw: String?
    /// `options.raw.language` (json, javascript, html, xml, text).
    package var rawLanguage: String?
    /// `urlencoded[]`.
    package var urlencoded: [KeyValue]
    /// `formdata[]`.
    package var formdata: [FormParameter]
    /// `file.src` (path of the file to send) or `file.content`.
    package var fileSource: String?
    /// `file.content`, when given inline.
    package var fileContent: String?
    /// `graphql.query`.
    package var graphqlQuery: String?
    /// `graphql.variables` as written (a JSON string, usually).
    package var graphqlVariables: String?
    /// `disabled: true` sends no body.
    package var disabled: Bool

    package init(mode: Mode?, raw: String? = nil, rawLanguage: String? = nil, urlencoded: [KeyValue] = [],
                 formdata: [FormParameter] = [], fileSource: String? = nil, fileContent: String? = nil,
                 graphqlQuery: String? = nil, graphqlVariables: String? = nil, disabled: Bool = false) {
        self.mode = mode
        self.raw = raw
        self.rawLanguage = rawLanguage
        self.urlencoded = urlencoded
        self.formdata = formdata
        self.fileSource = fileSource
        self.fileContent = fileContent
        self.graphqlQuery = graphqlQuery
        self.graphqlVariables = graphqlVariables
        self.disabled = disabled
    }
}

/// One `formdata[]` part: text, or file(s) read from `src`.
package struct FormParameter: Sendable, Equatable {
    /// `type`.
    package enum Kind: String, Sendable { case text, file }
    /// `key`.
    package var key: String
    /// `value` for text parts.
    package var value: String?
    /// `type`.
    package var kind: Kind
    /// `src` for file parts: one path or several (a part per file).
    package var sources: [String]
    /// `contentType`, if set.
    package var contentType: String?
    /// `disabled: true` parts are not sent.
    package var disabled: Bool

    package init(key: String, value: String? = nil, kind: Kind = .text, sources: [String] = [],
                 contentType: String? = nil, disabled: Bool = false) {
        self.key = key
        self.value = value
        self.kind = kind
        self.sources = sources
        self.contentType = contentType
        self.disabled = disabled
    }
}
