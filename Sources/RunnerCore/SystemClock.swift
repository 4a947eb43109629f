import AuthSigning
import RunContracts
import Foundation

/// The real clock.
package struct SystemClock: RunClock {
    package init() {}
    package func now() -> Double { Date().timeIntervalSince1970 * 1000 }
    package func sleep(milliseconds: Int) {
        guard milliseconds > 0 else { return }
        usleep(useconds_t(milliseconds) * 1000)
    }
}
