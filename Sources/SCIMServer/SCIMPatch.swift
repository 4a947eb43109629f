import JSONValue

/// Applies RFC 7644 §3.5.2 PATCH operations to a stored resource. All operations apply to a copy, so a
/// failing operation leaves the resource untouched; the caller validates the result before storing it.
package enum SCIMPatch {
    /// `resource` (of `type`) with every operation applied in order.
    package static func apply(
        _ operations: [SCIMPatchOperation], to resource: JSONObject, type: SCIMResourceType = .user
    ) throws(SCIMError) -> JSONObject {
        var result = resource
        for operation in operations {
            try apply(operation, to: &result, type: type)
        }
        return result
    }

    private static func apply(_ operation: SCIMPatchOperation, to resource: inout JSONObject, type: SCIMResourceType) throws(SCIMError) {
        guard let path = operation.path else {
            try applyWithoutPath(operation, to: &resource, type: type)
            return
        }
        if let filter = path.valueFilter {
            try applyFiltered(operation.kind, attribute: path.attribute, filter: filter,
                              subAttribute: path.subAttributeAfterFilter, value: operation.value, to: &resource, type: type)
        } else {
            try applyAt(operation.kind, path: path.attribute, value: operation.value, to: &resource, type: type)
        }
    }

    /// No path: the value is an object of attributes, whose keys may themselves be paths
    /// (`name.givenName`, `urn:…:enterprise:2.0:User:department`), as Azure AD sends them.
    private static func applyWithoutPath(
        _ operation: SCIMPatchOperation, to resource: inout JSONObject, type: SCIMResourceType
    ) throws(SCIMError) {
        guard let attributes = operation.value?.objectValue else {
            throw .invalidValue("without 'path', 'value' must be an object of attributes")
        }
        for member in attributes.members {
            switch member.key.lowercased() {
            case "schemas", "meta":
                continue  // descriptive, not data: clients echo them back
            case "id":
                guard member.value == resource.value(named: "id") else { throw .mutability("'id' is read-only") }
                continue
            default:
                guard let path = SCIMAttributePath.parse(member.key) else { throw .invalidPath("invalid attribute '\(member.key)'") }
                try applyAt(operation.kind, path: path, value: member.value, to: &resource, type: type)
            }
        }
    }

    private static func applyAt(
        _ kind: SCIMPatchOperation.Kind, path: SCIMAttributePath, value: JSONValue?, to resource: inout JSONObject,
        type: SCIMResourceType
    ) throws(SCIMError) {
        if path.isWholeExtension {
            try applyToExtension(kind, urn: path.attribute, value: value, to: &resource, type: type)
            return
        }
        let definition = try writableDefinition(for: path, type: type)
        try modifyContainer(of: path, in: &resource, creating: kind != .remove) { container throws(SCIMError) in
            let current = container.value(named: path.attribute)
            let updated: JSONValue?
            if let subAttribute = path.subAttribute {
                updated = try updatingSubAttribute(subAttribute, of: current, multiValued: definition.multiValued,
                                                   kind: kind, value: value)
            } else if kind == .remove, definition.multiValued, let value, !value.isNull {
                // Azure AD removes members by naming them: `{"op":"remove","path":"members","value":[{"value":id}]}`.
                updated = removing(value, from: current)
            } else if kind == .remove || value?.isNull == true {
                updated = nil
            } else if let value {
                updated = kind == .add ? adding(value, to: current, definition: definition)
                    : replacing(current, with: value, definition: definition)
            } else {
                updated = current
            }
            container.setValue(updated, named: definition.name)
        }
    }

    /// A path naming a whole extension: merge its attributes (add/replace) or drop it (remove).
    private static func applyToExtension(
        _ kind: SCIMPatchOperation.Kind, urn: String, value: JSONValue?, to resource: inout JSONObject, type: SCIMResourceType
    ) throws(SCIMError) {
        if kind == .remove || value?.isNull == true {
            resource.setValue(nil, named: urn)
            return
        }
        guard let attributes = value?.objectValue else { throw .invalidValue("the value for '\(urn)' must be an object") }
        // An extension serialized on its own carries its `schemas` (scim2-models sends it so): descriptive, not data.
        for member in attributes.members where member.key.lowercased() != "schemas" {
            guard let path = SCIMAttributePath.parse("\(urn):\(member.key)") else {
                throw .invalidPath("invalid attribute '\(member.key)' in '\(urn)'")
            }
            try applyAt(kind, path: path, value: member.value, to: &resource, type: type)
        }
    }

    /// The attribute's definition, refusing unknown attributes (`invalidPath`) and read-only ones (`mutability`).
    private static func writableDefinition(
        for path: SCIMAttributePath, type: SCIMResourceType
    ) throws(SCIMError) -> SCIMAttributeDefinition {
        guard let definition = type.definition(of: path) else { throw .invalidPath("no attribute '\(path)' in a \(type.name)") }
        if definition.mutability == .readOnly || definition.mutability == .immutable {
            throw .mutability("'\(definition.name)' is \(definition.mutability.rawValue)")
        }
        if let subAttribute = path.subAttribute {
            guard let subDefinition = definition.subAttribute(named: subAttribute) else {
                throw .invalidPath("no sub-attribute '\(subAttribute)' in '\(definition.name)'")
            }
            if subDefinition.mutability == .readOnly { throw .mutability("'\(path)' is read-only") }
        }
        return definition
    }

    /// Runs `change` on the object holding the attribute: the resource, or its extension object.
    private static func modifyContainer(
        of path: SCIMAttributePath, in resource: inout JSONObject, creating: Bool,
        _ change: (inout JSONObject) throws(SCIMError) -> Void
    ) throws(SCIMError) {
        guard let schema = path.schema else {
            try change(&resource)
            return
        }
        guard var extensionObject = resource.value(named: schema)?.objectValue ?? (creating ? JSONObject() : nil) else { return }
        try change(&extensionObject)
        resource.setValue(extensionObject.isEmpty ? nil : .object(extensionObject), named: schema)
    }

    /// RFC 7644 §3.5.2.1: add appends to multi-valued attributes (skipping values already there), merges
    /// sub-attributes into complex ones and sets simple ones.
    private static func adding(_ value: JSONValue, to current: JSONValue?, definition: SCIMAttributeDefinition) -> JSONValue {
        if definition.multiValued {
            var elements = current?.arrayValue ?? []
            let additions = value.arrayValue ?? [value]
            if additions.contains(where: { $0["primary"]?.boolValue == true }) {
                elements = elements.map(clearingPrimary)  // only one value may be primary
            }
            for addition in additions where !elements.contains(addition) { elements.append(addition) }
            return .array(elements)
        }
        return replacing(current, with: value, definition: definition)
    }

    /// RFC 7644 §3.5.2.3: replace swaps multi-valued and simple values whole, and for complex attributes
    /// replaces the given sub-attributes leaving the others unchanged.
    private static func replacing(_ current: JSONValue?, with value: JSONValue, definition: SCIMAttributeDefinition) -> JSONValue {
        if definition.multiValued { return value.arrayValue.map(JSONValue.array) ?? .array([value]) }
        if definition.type == .complex, var merged = current?.objectValue, let changes = value.objectValue {
            for member in changes.members { merged.setValue(member.value.isNull ? nil : member.value, named: member.key) }
            return .object(merged)
        }
        return value
    }

    /// `name.givenName` on a complex attribute, or `emails.value` applied to every element of a multi-valued one.
    private static func updatingSubAttribute(
        _ subAttribute: String, of current: JSONValue?, multiValued: Bool, kind: SCIMPatchOperation.Kind, value: JSONValue?
    ) throws(SCIMError) -> JSONValue? {
        let newValue = kind == .remove ? nil : value.flatMap { $0.isNull ? nil : $0 }
        func update(_ element: JSONValue?) -> JSONValue? {
            var object = element?.objectValue ?? JSONObject()
            object.setValue(newValue, named: subAttribute)
            return object.isEmpty ? nil : .object(object)
        }
        if multiValued {
            let elements = current?.arrayValue ?? []
            if elements.isEmpty { return newValue == nil ? nil : update(nil).map { .array([$0]) } }
            let updated = elements.compactMap(update)
            return updated.isEmpty ? nil : .array(updated)
        }
        return update(current)
    }

    /// `emails[type eq "work"]` and `emails[type eq "work"].value`.
    private static func applyFiltered(
        _ kind: SCIMPatchOperation.Kind, attribute path: SCIMAttributePath, filter: SCIMFilter, subAttribute: String?,
        value: JSONValue?, to resource: inout JSONObject, type: SCIMResourceType
    ) throws(SCIMError) {
        let definition = try writableDefinition(for: path, type: type)
        guard definition.multiValued else { throw .invalidPath("'\(definition.name)' is not multi-valued; '[...]' needs a list") }
        if let subAttribute, definition.subAttribute(named: subAttribute) == nil {
            throw .invalidPath("no sub-attribute '\(subAttribute)' in '\(definition.name)'")
        }
        try modifyContainer(of: path, in: &resource, creating: kind != .remove) { container throws(SCIMError) in
            var elements = container.value(named: definition.name)?.arrayValue ?? []
            var matched: [Int] = []
            for (index, element) in elements.enumerated()
            where try SCIMFilterEvaluator.matches(filter, element: element, of: definition) {
                matched.append(index)
            }
            switch kind {
            case .remove:
                if let subAttribute {
                    for index in matched { elements[index] = removingMember(subAttribute, from: elements[index]) }
                } else {
                    for index in matched.reversed() { elements.remove(at: index) }
                }
            case .replace, .add:
                if matched.isEmpty {
                    // Add creates the selected value (Azure AD's `emails[type eq "work"].value` on a user
                    // without one); replace has nothing to replace (RFC 7644 §3.5.2.3: noTarget).
                    guard kind == .add else { throw .noTarget("no value of '\(definition.name)' matches the filter") }
                    elements.append(try newElement(from: filter, subAttribute: subAttribute, value: value))
                }
                for index in matched {
                    if let subAttribute {
                        var object = elements[index].objectValue ?? JSONObject()
                        object.setValue(value.flatMap { $0.isNull ? nil : $0 }, named: subAttribute)
                        elements[index] = .object(object)
                    } else if let value {
                        elements[index] = kind == .add ? merged(elements[index], value) : value
                    }
                }
            }
            let remaining = elements.filter { $0.objectValue?.isEmpty != true }
            container.setValue(remaining.isEmpty ? nil : .array(remaining), named: definition.name)
        }
    }

    /// The element a filter like `type eq "work" and primary eq true` describes, with the value set.
    private static func newElement(from filter: SCIMFilter, subAttribute: String?, value: JSONValue?) throws(SCIMError) -> JSONValue {
        var element = JSONObject()
        func collect(_ filter: SCIMFilter) throws(SCIMError) {
            switch filter {
            case .and(let left, let right):
                try collect(left)
                try collect(right)
            case .comparison(let path, .eq, let literal) where path.subAttribute == nil:
                switch literal {
                case .string(let text): element[path.attribute] = .string(text)
                case .boolean(let flag): element[path.attribute] = .bool(flag)
                case .number(let number): element[path.attribute] = .number(number)
                case .null: break
                }
            default:
                throw .noTarget("no value matches the filter, and it does not describe a value that could be added")
            }
        }
        try collect(filter)
        if let subAttribute {
            element.setValue(value, named: subAttribute)
        } else if let additions = value?.objectValue {
            for member in additions.members { element.setValue(member.value, named: member.key) }
        }
        return .object(element)
    }

    private static func merged(_ element: JSONValue, _ value: JSONValue) -> JSONValue {
        guard var object = element.objectValue, let additions = value.objectValue else { return value }
        for member in additions.members { object.setValue(member.value, named: member.key) }
        return .object(object)
    }

    /// `current` without the values `value` names: elements equal to one of them, or, for complex values that carry
    /// a `value` sub-attribute, elements with the same `value`.
    private static func removing(_ value: JSONValue, from current: JSONValue?) -> JSONValue? {
        let doomed = value.arrayValue ?? [value]
        let identities = doomed.compactMap { $0.objectValue?.value(named: "value") }
        let remaining = (current?.arrayValue ?? []).filter { element in
            if doomed.contains(element) { return false }
            guard let identity = element.objectValue?.value(named: "value") else { return true }
            return !identities.contains(identity)
        }
        return remaining.isEmpty ? nil : .array(remaining)
    }

    private static func removingMember(_ name: String, from element: JSONValue) -> JSONValue {
        guard var object = element.objectValue else { return element }
        object.setValue(nil, named: name)
        return .object(object)
    }

    private static func clearingPrimary(_ element: JSONValue) -> JSONValue {
        guard var object = element.objectValue, object.value(named: "primary")?.boolValue == true else { return element }
        object.setValue(.bool(false), named: "primary")
        return .object(object)
    }
}
