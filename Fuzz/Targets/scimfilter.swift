// Fuzz target: the SCIM filter parser (RFC 7644 §3.4.2.2), which reads `?filter=` from any client.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSCIMFilter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? SCIMFilterParser.parse(text)
    return 0
}
