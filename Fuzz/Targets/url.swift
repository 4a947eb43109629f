// Fuzz target: the URL builder, from a raw Postman URL string to the encoded href the transport sends.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let url = RequestURL.parse(text)
    _ = URLEncoding.encode(url)
    _ = URLEncoding.encode(url, disableEncoding: true)
    _ = URLEncoding.percentEncode(text, URLEncoding.userInfo)
    _ = URLEncoding.splitUserInfo(text)
    return 0
}
