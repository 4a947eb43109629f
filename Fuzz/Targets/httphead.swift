// Fuzz target: the HTTPServer's request-head parser and its framing helpers (what a hostile client controls).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPHead(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = HTTPRequestReader.headEnd(in: bytes, from: 0, headStart: 0)
    _ = try? HTTPHeadParser.parse(bytes)
    _ = HTTPRequestReader.chunkSize(bytes)
    return 0
}
