#include <JavaScriptCore/JavaScript.h>
// Exported by libjavascriptcoregtk but missing from its public headers; needed for --timeout-script.
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);
void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit, JSShouldTerminateCallback callback, void *context);
void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);
