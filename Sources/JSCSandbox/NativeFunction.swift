import Foundation
#if canImport(CJavaScriptCore)
import CJavaScriptCore
#else
import JavaScriptCore
#endif

/// What a native function gets: the context and its arguments.
struct NativeCall {
    let context: JavaScriptContext
    let arguments: [JSValueRef]

    /// Argument `index` as a string (`""` when missing).
    func string(_ index: Int) -> String {
        index < arguments.count ? context.string(arguments[index]) : ""
    }
    /// Argument `index` as a string, or `nil` when missing, undefined or null.
    func optionalString(_ index: Int) -> String? {
        guard index < arguments.count, !context.isUndefinedOrNull(arguments[index]) else { return nil }
        return context.string(arguments[index])
    }
    func number(_ index: Int) -> Double {
        index < arguments.count ? JSValueToNumber(context.context, arguments[index], nil) : .nan
    }
}

/// An error a native function throws into JavaScript as an `Error` with this message.
struct NativeError: Error {
    let message: String
}

/// A Swift closure callable from JavaScript.
typealias NativeBody = (NativeCall) throws(NativeError) -> JSValueRef?

/// Holds the closure behind a native function object; JavaScript's collector releases it through `finalize`.
private final class NativeBox {
    let body: NativeBody
    unowned let context: JavaScriptContext
    init(body: @escaping NativeBody, context: JavaScriptContext) {
        self.body = body
        self.context = context
    }
}

/// One class for every native function: private data carries the closure, so functions can capture state
/// (a plain `JSObjectMakeFunctionWithCallback` cannot).
nonisolated(unsafe) private let nativeFunctionClass: JSClassRef? = {
    var definition = kJSClassDefinitionEmpty
    definition.className = UnsafePointer(strdup("CarrierNativeFunction"))
    definition.callAsFunction = { ctx, function, _, count, arguments, exception in
        guard let function, let data = JSObjectGetPrivate(function) else { return nil }
        let box = Unmanaged<NativeBox>.fromOpaque(data).takeUnretainedValue()
        var values: [JSValueRef] = []
        values.reserveCapacity(count)
        for index in 0..<count { if let value = arguments?[index] { values.append(value) } }
        do throws(NativeError) {
            return try box.body(NativeCall(context: box.context, arguments: values)) ?? JSValueMakeUndefined(ctx)
        } catch {
            let message = box.context.makeString(error.message)
            var arguments: [JSValueRef?] = [message]
            exception?.pointee = arguments.withUnsafeMutableBufferPointer { buffer in
                JSObjectMakeError(ctx, 1, buffer.baseAddress, nil)
            }
            return nil
        }
    }
    definition.finalize = { object in
        guard let object, let data = JSObjectGetPrivate(object) else { return }
        Unmanaged<NativeBox>.fromOpaque(data).release()
    }
    return JSClassCreate(&definition)
}()

extension JavaScriptContext {
    /// A function object that runs `body`; it has `Function.prototype` so `.bind`/`.call` work.
    func makeFunction(_ body: @escaping NativeBody) -> JSObjectRef {
        let box = Unmanaged.passRetained(NativeBox(body: body, context: self)).toOpaque()
        let function: JSObjectRef = JSObjectMake(context, nativeFunctionClass, box)
        if let functionConstructor = object(property(globalObject, "Function")),
           let prototype = property(functionConstructor, "prototype") {
            JSObjectSetPrototype(context, function, prototype)
        }
        return function
    }
}
