// Fuzz target: bytes -> text decoding (BOM, UTF-16) -> JSONParser -> the collection and variable-file decoders.
// Any input must end in a value or a LoadError; a trap, an overflow or a hang is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCollection(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? TextDecoding.utf8Bytes(from: raw) else { return 0 }
    guard let document = try? JSONParser.parse(bytes: text) else { return 0 }
    _ = try? CollectionLoader.decodeCollection(document, file: "fuzz.json")
    _ = try? CollectionLoader.decodeVariableFile(document, file: "fuzz.json", kind: .environment)
    _ = document.serialized(indent: 2)
    return 0
}
