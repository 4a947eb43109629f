/// Sections 2 and 3: Carrier against the libcurl floor for the same requests to the same server, repeated and
/// interleaved so drifting machine load hits both sides of each ratio alike.
enum RunnerOverheadBench {
    static func run(_ context: BenchContext, into results: inout BenchResults) throws {
        let repeats = context.quick ? 2 : 3
        let count = context.quick ? 200 : 1000
        let base = context.server.baseURL
        let n = ["-n", String(count)]
        var floorSmall: [Double] = [], plain: [Double] = [], ratio: [Double] = [], plainOver: [Double] = []
        var floorList: [Double] = [], scripted: [Double] = [], scriptOver: [Double] = [], scriptOverPlain: [Double] = []
        var floorSigned: [Double] = [], signed: [Double] = [], signedOver: [Double] = []
        let signingBody = #"{"packageId":"PKG-BENCH-1","message":"benchmark"}"#
        let floorSigningArgs = ["--data=" + signingBody, "Content-Type: application/json", "ss-api-key: k",
                                "ss-request-timestamp: t", "ss-request-signature: " + String(repeating: "0", count: 64)]

        // Warm-up: page cache, server threads.
        _ = try context.floor(base + "/small", count: 10)
        _ = try context.carrierRun("no-scripts", ["-n", "10"])
        for _ in 0..<repeats {
            let f = try context.floor(base + "/small", count: count).wallMilliseconds
            let c = try context.carrierRun("no-scripts", n).wallMilliseconds
            floorSmall.append(f); plain.append(c); ratio.append(c / f); plainOver.append((c - f) / Double(count))

            let fl = try context.floor(base + "/json2k", count: count).wallMilliseconds
            let s = try context.carrierRun("test-script", n).wallMilliseconds
            floorList.append(fl); scripted.append(s)
            scriptOver.append((s - fl) / Double(count))
            scriptOverPlain.append((s - c) / Double(count))

            let before = context.server.signedRequests
            let fs = try context.floor(base + "/signed", count: count, floorSigningArgs).wallMilliseconds
            let h = try context.carrierRun("hmac-signing", n + ["-e", context.environment]).wallMilliseconds
            let accepted = context.server.signedRequests - before
            guard accepted == 2 * count else {
                throw ChildProcessError(description: "the signing run sent \(accepted - count) of \(count) requests with valid signing headers")
            }
            floorSigned.append(fs); signed.append(h); signedOver.append((h - fs) / Double(count))
        }
        let thousand = "\(count) requests"
        var section = "runner overhead"
        results.add(Figure(section: section, name: "libcurl floor: \(thousand) GET /small", unit: "ms",
                           summary: Summary(floorSmall), note: "bench/floor.c, one kept-alive handle"))
        results.add(Figure(section: section, name: "carrier run -n \(count), no scripts", unit: "ms", summary: Summary(plain),
                           note: "whole process, cli reporter to /dev/null"))
        results.add(Figure(section: section, name: "ratio carrier / floor, no scripts", unit: "×", summary: Summary(ratio)))
        results.add(Figure(section: section, name: "no scripts: per request over the floor", unit: "ms", summary: Summary(plainOver)))

        section = "script cost"
        results.add(Figure(section: section, name: "libcurl floor: \(thousand) GET /json2k", unit: "ms", summary: Summary(floorList)))
        results.add(Figure(section: section, name: "carrier run -n \(count), test script", unit: "ms", summary: Summary(scripted),
                           note: "4 pm.test, ~20 chai expectations, 2 KB JSON body"))
        results.add(Figure(section: section, name: "test script: per request over the floor", unit: "ms", summary: Summary(scriptOver)))
        results.add(Figure(section: section, name: "test script: per request over no scripts", unit: "ms",
                           summary: Summary(scriptOverPlain), note: "the script's own cost"))
        results.add(Figure(section: section, name: "libcurl floor: \(thousand) POST /signed", unit: "ms", summary: Summary(floorSigned),
                           note: "fixed signing headers"))
        results.add(Figure(section: section, name: "carrier run -n \(count), HMAC pre-request", unit: "ms", summary: Summary(signed),
                           note: "CryptoJS HmacSHA256, 3 ss-* headers"))
        results.add(Figure(section: section, name: "HMAC signing: per request over the floor", unit: "ms", summary: Summary(signedOver)))
    }
}
