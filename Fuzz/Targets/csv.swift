// Fuzz target: the CSV reader and value casting behind `-d data.csv`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var reader = CSVReader(bytes.makeIterator())
    var records = 0
    while records < 100_000, let record = try? reader.nextRecord() {
        for field in record { _ = CSVValueCasting.value(of: field) }
        records += 1
    }
    return 0
}
