import Vapor

extension Request {
    /// One cookie's value, read straight from the Cookie header. `request.cookies` parses every
    /// cookie into a dictionary on each access, and every page reads two (the session and the form
    /// token). As there, a cookie named twice takes its last value, and quotes around a value go.
    func cookieValue(_ name: String) -> String? {
        var found: Substring?
        for header in headers[.cookie] {
            for part in header.split(separator: ";") {
                let pair = part.drop(while: { $0 == " " || $0 == "\t" })
                guard pair.hasPrefix(name) else { continue }
                let rest = pair.dropFirst(name.count)
                guard rest.first == "=" else { continue }
                var value = rest.dropFirst()
                while value.last == " " || value.last == "\t" { value = value.dropLast() }
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                found = value
            }
        }
        return found.map(String.init)
    }
}
