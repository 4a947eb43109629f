import Foundation
import JSONValue
import RunContracts
#if canImport(CJavaScriptCore)
import CJavaScriptCore
#else
import JavaScriptCore
#endif

/// The native functions the bootstrap scripts call (`native.*` in Bootstrap/*.js). Everything that needs the
/// file system, the variables, the host or randomness crosses here; the rest of the API is JavaScript.
extension JSCSandbox {
    func makeNatives() -> JSObjectRef {
        let js = self.js
        let natives: JSObjectRef = JSObjectMake(js.context, nil, nil)
        func add(_ name: String, _ body: @escaping NativeBody) {
            js.setProperty(natives, name, js.makeFunction(body))
        }
        add("readFile") { call throws(NativeError) in
            guard let text = try? String(contentsOfFile: call.string(0), encoding: .utf8) else { return nil }
            return call.context.makeString(text)
        }
        add("domainToASCII") { call throws(NativeError) in
            call.context.makeString(HostEncoding.nodeDomainToASCII(call.string(0)))
        }
        add("getenv") { call throws(NativeError) in
            guard let value = ProcessInfo.processInfo.environment[call.string(0)] else { return nil }
            return call.context.makeString(value)
        }
        add("evaluate") { call throws(NativeError) in
            do throws(JavaScriptException) {
                return try call.context.evaluate(sourceValue: call.arguments.first ?? call.context.undefined, sourceURL: call.string(1))
            } catch {
                // Rethrown as a plain message: the library's own error text names what failed.
                throw NativeError(message: call.context.string(error.value))
            }
        }
        add("randomHex") { call throws(NativeError) in
            let count = max(0, min(65536, Int(call.number(0))))
            var generator = SystemRandomNumberGenerator()
            var hex = ""
            hex.reserveCapacity(count * 2)
            for _ in 0..<count { hex += String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            return call.context.makeString(hex)
        }
        add("variables") { [weak self] call throws(NativeError) in
            guard let state = self?.state else { throw NativeError(message: "variables are only available while a script runs") }
            return try VariableBridge.perform(call, state: state)
        }
        add("sendRequest") { [weak self] call throws(NativeError) in
            guard let state = self?.state else { throw NativeError(message: "pm.sendRequest is only available while a script runs") }
            let request = (try? JSONParser.parse(call.string(0))) ?? .null
            let result: JSONValue
            switch state.host.sendRequest(request) {
            case .success(let response): result = ["response": ContextJSON.response(response)]
            case .failure(let error): result = ["error": ["code": .string(error.code), "message": .string(error.message)]]
            }
            return call.context.makeString(result.serialized())
        }
        add("cookies") { [weak self] call throws(NativeError) in
            guard let state = self?.state else { return nil }
            let cookies = state.host.cookies(for: call.string(0)).map(ContextJSON.cookie)
            return call.context.makeString(JSONValue.array(cookies).serialized())
        }
        add("setCookie") { [weak self] call throws(NativeError) in
            guard let state = self?.state else { return nil }
            guard let json = try? JSONParser.parse(call.string(0)), let cookie = ContextJSON.cookie(from: json) else {
                throw NativeError(message: "invalid cookie")
            }
            state.host.setCookie(cookie)
            return nil
        }
        add("removeCookies") { [weak self] call throws(NativeError) in
            guard let state = self?.state else { return nil }
            state.host.removeCookies(domain: call.string(0), name: call.optionalString(1))
            return nil
        }
        return natives
    }
}
