/// Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`, the `$random*` family): a fresh value per call.
/// (The full list lands with the variables work.)
package struct DynamicVariables: Sendable {
    package init() {}
    /// The value for `$name`, or `nil` when Postman defines no such variable.
    package func value(for name: String) -> String? { nil }
}
