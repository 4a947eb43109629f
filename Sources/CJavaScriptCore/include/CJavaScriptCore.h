// JavaScriptCore's C API for Swift, loaded on first use (see loader.c): a run without scripts never maps
// libjavascriptcoregtk, ICU and GLib. include/JavaScriptCore links to Debian's headers
// (libjavascriptcoregtk-4.1-dev, /usr/include/webkitgtk-4.1/JavaScriptCore).
#ifndef CJAVASCRIPTCORE_H
#define CJAVASCRIPTCORE_H

#include <JavaScriptCore/JavaScript.h>

// Exported by libjavascriptcoregtk but missing from its public headers; needed for --timeout-script.
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);
void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit, JSShouldTerminateCallback callback, void *context);
void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);
// Exported but private (JSContextRefPrivate.h): without it a rejected promise nobody handles is dropped silently,
// and Newman reports such rejections as the script's error.
void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx, JSObjectRef function, JSValueRef *exception);

/// The library's own definition of `name` (loading it first), or NULL: for exports used only when present.
void *carrier_jsc_symbol(const char *name);

#endif
