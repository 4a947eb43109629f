// JavaScriptCore, opened by the first script (CLazyLoad). Mapping libjavascriptcoregtk at start-up, with ICU,
// GLib, GIO and GObject, cost every process about 6 MB of RSS and half of `carrier --version`'s instructions,
// scripts or not (docs/performance.md).
#define JS_NO_EXPORT 1
// CLazyLoad.h first: its system headers (pthread.h) must keep their default visibility.
#include "CLazyLoad.h"
#pragma GCC visibility push(hidden)
#include "CJavaScriptCore.h"
#pragma GCC visibility pop


#include <dlfcn.h>

// X(return type, name, parameters, arguments)
#define CARRIER_JSC_FUNCTIONS(X) \
    X(JSValueRef, JSEvaluateScript, (JSContextRef ctx, JSStringRef script, JSObjectRef thisObject, JSStringRef sourceURL, int startingLineNumber, JSValueRef *exception), (ctx, script, thisObject, sourceURL, startingLineNumber, exception)) \
    X(bool, JSCheckScriptSyntax, (JSContextRef ctx, JSStringRef script, JSStringRef sourceURL, int startingLineNumber, JSValueRef *exception), (ctx, script, sourceURL, startingLineNumber, exception)) \
    X(void, JSGarbageCollect, (JSContextRef ctx), (ctx)) \
    X(JSContextGroupRef, JSContextGroupCreate, (void), ()) \
    X(void, JSContextGroupRelease, (JSContextGroupRef group), (group)) \
    X(JSGlobalContextRef, JSGlobalContextCreate, (JSClassRef globalObjectClass), (globalObjectClass)) \
    X(JSGlobalContextRef, JSGlobalContextCreateInGroup, (JSContextGroupRef group, JSClassRef globalObjectClass), (group, globalObjectClass)) \
    X(void, JSGlobalContextRelease, (JSGlobalContextRef ctx), (ctx)) \
    X(JSObjectRef, JSContextGetGlobalObject, (JSContextRef ctx), (ctx)) \
    X(JSClassRef, JSClassCreate, (const JSClassDefinition *definition), (definition)) \
    X(JSObjectRef, JSObjectMake, (JSContextRef ctx, JSClassRef jsClass, void *data), (ctx, jsClass, data)) \
    X(JSObjectRef, JSObjectMakeFunctionWithCallback, (JSContextRef ctx, JSStringRef name, JSObjectCallAsFunctionCallback callAsFunction), (ctx, name, callAsFunction)) \
    X(JSObjectRef, JSObjectMakeError, (JSContextRef ctx, size_t argumentCount, const JSValueRef arguments[], JSValueRef *exception), (ctx, argumentCount, arguments, exception)) \
    X(JSValueRef, JSObjectGetProperty, (JSContextRef ctx, JSObjectRef object, JSStringRef propertyName, JSValueRef *exception), (ctx, object, propertyName, exception)) \
    X(void, JSObjectSetProperty, (JSContextRef ctx, JSObjectRef object, JSStringRef propertyName, JSValueRef value, JSPropertyAttributes attributes, JSValueRef *exception), (ctx, object, propertyName, value, attributes, exception)) \
    X(void, JSObjectSetPrototype, (JSContextRef ctx, JSObjectRef object, JSValueRef value), (ctx, object, value)) \
    X(void *, JSObjectGetPrivate, (JSObjectRef object), (object)) \
    X(JSValueRef, JSObjectCallAsFunction, (JSContextRef ctx, JSObjectRef object, JSObjectRef thisObject, size_t argumentCount, const JSValueRef arguments[], JSValueRef *exception), (ctx, object, thisObject, argumentCount, arguments, exception)) \
    X(JSValueRef, JSValueMakeUndefined, (JSContextRef ctx), (ctx)) \
    X(JSValueRef, JSValueMakeNull, (JSContextRef ctx), (ctx)) \
    X(JSValueRef, JSValueMakeBoolean, (JSContextRef ctx, bool boolean), (ctx, boolean)) \
    X(JSValueRef, JSValueMakeNumber, (JSContextRef ctx, double number), (ctx, number)) \
    X(JSValueRef, JSValueMakeString, (JSContextRef ctx, JSStringRef string), (ctx, string)) \
    X(JSValueRef, JSValueMakeFromJSONString, (JSContextRef ctx, JSStringRef string), (ctx, string)) \
    X(bool, JSValueIsUndefined, (JSContextRef ctx, JSValueRef value), (ctx, value)) \
    X(bool, JSValueIsNull, (JSContextRef ctx, JSValueRef value), (ctx, value)) \
    X(bool, JSValueIsObject, (JSContextRef ctx, JSValueRef value), (ctx, value)) \
    X(double, JSValueToNumber, (JSContextRef ctx, JSValueRef value, JSValueRef *exception), (ctx, value, exception)) \
    X(JSStringRef, JSValueToStringCopy, (JSContextRef ctx, JSValueRef value, JSValueRef *exception), (ctx, value, exception)) \
    X(JSObjectRef, JSValueToObject, (JSContextRef ctx, JSValueRef value, JSValueRef *exception), (ctx, value, exception)) \
    X(void, JSValueProtect, (JSContextRef ctx, JSValueRef value), (ctx, value)) \
    X(void, JSValueUnprotect, (JSContextRef ctx, JSValueRef value), (ctx, value)) \
    X(JSStringRef, JSStringCreateWithCharacters, (const JSChar *chars, size_t numChars), (chars, numChars)) \
    X(JSStringRef, JSStringCreateWithUTF8CString, (const char *string), (string)) \
    X(void, JSStringRelease, (JSStringRef string), (string)) \
    X(size_t, JSStringGetLength, (JSStringRef string), (string)) \
    X(const JSChar *, JSStringGetCharactersPtr, (JSStringRef string), (string)) \
    X(size_t, JSStringGetMaximumUTF8CStringSize, (JSStringRef string), (string)) \
    X(size_t, JSStringGetUTF8CString, (JSStringRef string, char *buffer, size_t bufferSize), (string, buffer, bufferSize)) \
    X(void, JSContextGroupSetExecutionTimeLimit, (JSContextGroupRef group, double limit, JSShouldTerminateCallback callback, void *context), (group, limit, callback, context)) \
    X(void, JSContextGroupClearExecutionTimeLimit, (JSContextGroupRef group), (group)) \
    X(void, JSGlobalContextSetUnhandledRejectionCallback, (JSGlobalContextRef ctx, JSObjectRef function, JSValueRef *exception), (ctx, function, exception))

// The library's exported constant is all zeros: version 0, no attributes, no callbacks. Data cannot be forwarded.
const JSClassDefinition kJSClassDefinitionEmpty = { 0 };

CARRIER_LAZY_LIBRARY("libjavascriptcoregtk-4.1.so.0", "scripts need (Debian package libjavascriptcoregtk-4.1-0)",
                     CARRIER_JSC_FUNCTIONS, CARRIER_LAZY_NONE)

void *carrier_jsc_symbol(const char *name) {
    carrier_lazy_load();
    return dlsym(carrier_lazy_handle, name);
}
