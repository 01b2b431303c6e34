@testable import FootholdData
import Foundation

/// Checks a JSON value against the part of JSON Schema (2020-12) our documented files use: type,
/// const, enum, pattern, properties, required, additionalProperties, items and local `$ref`s.
/// Returns each place that does not fit, as a JSON pointer and a reason.
struct JSONSchemaCheck {
    let root: [String: Any]

    init(schema data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func problems(in value: Any) -> [String] {
        var found: [String] = []
        check(value, against: root, at: "", into: &found)
        return found
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as! [String: Any])[String(part)]! }
        return resolve(node as! [String: Any])
    }

    private func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case let number as NSNumber where type(of: value) == Bool.self || String(cString: number.objCType) == "c": "boolean"
        case let number as NSNumber: number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
        case is String: "string"
        case is [Any]: "array"
        case is [String: Any]: "object"
        default: "unknown"
        }
    }

    private func check(_ value: Any, against given: [String: Any], at path: String, into found: inout [String]) {
        let schema = resolve(given)
        if let type = schema["type"] as? String {
            let actual = typeName(value)
            if actual != type && !(type == "number" && actual == "integer") {
                found.append("\(path): is \(actual), not \(type)")
                return
            }
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" { found.append("\(path): is not \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) is not one of \(options)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(path): \(text) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { found.append("\(path): \(name) is missing") }
            for (name, item) in object {
                if let property = properties[name] as? [String: Any] {
                    check(item, against: property, at: "\(path)/\(name)", into: &found)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(item, against: additional, at: "\(path)/\(name)", into: &found)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): \(name) is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)/\(index)", into: &found) }
        }
    }
}
