// JavaScriptCore, opened with dlopen when the first script needs it. Mapping libjavascriptcoregtk at start-up
// (with ICU, GLib, GIO and GObject) cost every process about 6 MB of RSS and 9 ms, scripts or not
// (docs/performance.md). Each function the sandbox calls is defined here under the library's own name, so Swift
// calls the C API as declared; the definitions are hidden, so the library, once loaded, still binds to its own.
// The first call opens the library and resolves every function at once (pthread_once: the sandboxes of a
// --parallel run start on several threads).
#define _GNU_SOURCE 1 /* RTLD_DEEPBIND */
#define JS_NO_EXPORT 1
#pragma GCC visibility push(hidden)
#include "CJavaScriptCore.h"
#pragma GCC visibility pop

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define CARRIER_JSC_LIBRARY "libjavascriptcoregtk-4.1.so.0"

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

// The library's exported constant is all zeros: version 0, no attributes, no callbacks.
const JSClassDefinition kJSClassDefinitionEmpty = { 0 };

static struct {
#define CARRIER_JSC_POINTER(type, name, parameters, arguments) type (*name) parameters;
    CARRIER_JSC_FUNCTIONS(CARRIER_JSC_POINTER)
} library_functions;
static void *library_handle;
static pthread_once_t library_once = PTHREAD_ONCE_INIT;

// A sandbox cannot run without the library: say which and stop, as a missing DT_NEEDED library did before.
static void *required(const char *name) {
    void *symbol = dlsym(library_handle, name);
    if (!symbol) {
        fprintf(stderr, "carrier: %s lacks %s; scripts need JavaScriptCore 2.38 or later (WebKitGTK 4.1)\n",
                CARRIER_JSC_LIBRARY, name);
        exit(70);
    }
    return symbol;
}

static void load_library(void) {
    // RTLD_DEEPBIND: the library's references to itself (most of its relocations) are looked up in its own scope
    // first, not after the executable and its 35 libraries; measured on a one-request run with one pm.test, that
    // halves the dynamic loader's lookups, so loading late costs no more than loading at start-up. It is safe here
    // because the executable defines none of the library's symbols and has no copy relocations.
    // RTLD_LAZY: dependencies without BIND_NOW resolve on first call. RTLD_LOCAL: its symbols stay private.
    library_handle = dlopen(CARRIER_JSC_LIBRARY, RTLD_LAZY | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!library_handle) {
        fprintf(stderr, "carrier: cannot load JavaScriptCore, which scripts need (Debian package libjavascriptcoregtk-4.1-0): %s\n",
                dlerror());
        exit(70);
    }
#define CARRIER_JSC_RESOLVE(type, name, parameters, arguments) library_functions.name = (type (*) parameters)required(#name);
    CARRIER_JSC_FUNCTIONS(CARRIER_JSC_RESOLVE)
}

static inline void load(void) { pthread_once(&library_once, load_library); }

void *carrier_jsc_symbol(const char *name) {
    load();
    return dlsym(library_handle, name);
}

#define CARRIER_JSC_DEFINE(type, name, parameters, arguments) \
    type name parameters { load(); return library_functions.name arguments; }
CARRIER_JSC_FUNCTIONS(CARRIER_JSC_DEFINE)
