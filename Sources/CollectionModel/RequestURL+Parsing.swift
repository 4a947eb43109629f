extension RequestURL {
    /// Parses a URL string as postman-collection's `Url.parse` does (variables such as `{{host}}` allowed anywhere).
    /// (Implementation lands with the request-building work.)
    package static func parse(_ string: String) -> RequestURL {
        RequestURL(raw: string)
    }
}
