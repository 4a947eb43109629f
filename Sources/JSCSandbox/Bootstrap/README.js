// The pm bootstrap lands with the sandbox.
