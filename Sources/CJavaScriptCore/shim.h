#include <JavaScriptCore/JavaScript.h>
// Exported by libjavascriptcoregtk but missing from its public headers; needed for --timeout-script.
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);
void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit, JSShouldTerminateCallback callback, void *context);
void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);
// Exported but private (JSContextRefPrivate.h): without it a rejected promise nobody handles is dropped silently,
// and Newman reports such rejections as the script's error.
void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx, JSObjectRef function, JSValueRef *exception);
