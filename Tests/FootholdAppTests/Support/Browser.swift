import FootholdCore
@testable import FootholdData
@testable import FootholdDemo
import Foundation
import Vapor
import XCTVapor
@testable import FootholdApp

/// Talks to the app as a browser would: keeps cookies, and puts the CSRF token in forms.
final class Browser: @unchecked Sendable {
    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String

        var location: String? { headers.first(name: .location) }
        var setCookies: [String] { headers[.setCookie] }
    }

    let app: Application
    private(set) var cookies: [String: String] = [:]
    /// Headers sent with every request, such as the address a proxy reports.
    var extraHeaders: [(String, String)] = []

    init(app: Application) { self.app = app }

    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil, contentType: nil)
    }

    private var tokenForSession: (session: String, token: String)?

    var isSignedIn: Bool { cookies.keys.contains { $0.hasSuffix(SessionCookie.name) } }

    /// The token the site's forms carry for this browser, as a page would give it: bound to the
    /// session when signed in (read from a page's form once a session), else the cookie's.
    func formToken() async throws -> String {
        if let session = cookies.first(where: { $0.key.hasSuffix(SessionCookie.name) })?.value {
            if let known = tokenForSession, known.session == session { return known.token }
            let page = try await get(SiteURL.changePassword.path)
            if let match = page.body.firstMatch(of: /name="csrf_token" value="([^"]*)"/) {
                tokenForSession = (session, String(match.1))
                return String(match.1)
            }
        }
        if !cookies.keys.contains(where: { $0.hasSuffix(CSRF.cookieName) }) { _ = try await get(SiteURL.signIn.path) }
        return cookies.first { $0.key.hasSuffix(CSRF.cookieName) }?.value ?? ""
    }

    /// Posts a form. The CSRF token is the one the site gave this browser, unless `csrf` says otherwise.
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil) async throws -> Page {
        var fields = fields
        if fields[CSRF.fieldName] == nil {
            if let csrf { fields[CSRF.fieldName] = csrf } else { fields[CSRF.fieldName] = try await formToken() }
        }
        let body = fields.sorted { $0.key < $1.key }
            .map { "\(Self.formEscape($0.key))=\(Self.formEscape($0.value))" }
            .joined(separator: "&")
        return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Submits a form of `page` as a browser would: every field with what the page filled in (checked
    /// boxes, selected options, textareas), `changes` typed over them (a name given several values,
    /// as `themes[]`, is sent once per value), and the pressed button's own name and value when it
    /// has them. The form is the one whose action is `action`.
    func submit(
        _ page: Page, form action: String, pressing button: String? = nil, _ changes: [String: [String]] = [:]
    ) async throws -> Page {
        func unescape(_ text: Substring) -> String {
            var text = String(text)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
            return text
        }
        func attribute(_ name: String, _ tag: Substring) -> String? {
            (try? Regex("\\s\(name)=\"([^\"]*)\"").firstMatch(in: tag)).flatMap { $0.output[1].substring.map(unescape) }
        }
        // The forms posting there; with a button named, the one that has it.
        var forms: [Substring] = []
        var from = page.body.startIndex
        while let start = page.body[from...].range(of: "action=\"\(action)\""),
            let formStart = page.body[..<start.lowerBound].range(of: "<form", options: .backwards),
            let end = page.body[start.upperBound...].range(of: "</form>")
        {
            forms.append(page.body[formStart.lowerBound..<end.lowerBound])
            from = end.upperBound
        }
        guard
            let form = forms.first(where: { candidate in button.map { candidate.contains(">" + $0 + "</button>") } ?? true }) ?? forms.first
        else { throw Abort(.notFound, reason: "no form posting to \(action) on the page") }
        var fields: [(String, String)] = []
        for match in form.matches(of: /<input[^>]*>/) {
            let tag = match.output
            guard let name = attribute("name", tag) else { continue }
            let type = attribute("type", tag) ?? "text"
            if type == "submit" { continue }
            if (type == "checkbox" || type == "radio") && !tag.contains(" checked") { continue }
            fields.append((name, attribute("value", tag) ?? (type == "checkbox" ? "on" : "")))
        }
        for match in form.matches(of: /<textarea([^>]*)>([^<]*)<\/textarea>/) {
            if let name = attribute("name", match.output.1) { fields.append((name, unescape(match.output.2))) }
        }
        for match in form.matches(of: /<select([^>]*)>(.*?)<\/select>/) {
            guard let name = attribute("name", match.output.1) else { continue }
            let options = match.output.2.matches(of: /<option([^>]*)>/).map(\.output.1)
            let chosen = options.first { $0.contains(" selected") } ?? options.first
            fields.append((name, chosen.flatMap { attribute("value", $0) } ?? ""))
        }
        if let button {
            let pressed = form.matches(of: /<button([^>]*)>([^<]*)<\/button>/).first { unescape($0.output.2) == button }
            guard let pressed else { throw Abort(.notFound, reason: "no button “\(button)” in the form") }
            if let name = attribute("name", pressed.output.1) { fields.append((name, attribute("value", pressed.output.1) ?? "")) }
        }
        fields.removeAll { changes.keys.contains($0.0) }
        for (name, values) in changes.sorted(by: { $0.key < $1.key }) { fields += values.map { (name, $0) } }
        let body = fields.map { "\(Self.formEscape($0.0))=\(Self.formEscape($0.1))" }.joined(separator: "&")
        return try await send(.POST, action, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form with one file.
    func upload(_ path: String, fields: [String: String], fileField: String, filename: String, content: String) async throws -> Page {
        var fields = fields
        if fields[CSRF.fieldName] == nil { fields[CSRF.fieldName] = try await formToken() }
        let boundary = "----foothold-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n\(content)\r\n"
        body += "--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    @discardableResult
    func signIn(_ email: String, password: String = DemoLoader.password) async throws -> Page {
        try await post(SiteURL.signIn.path, ["email": email, "password": password])
    }

    func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String?) async throws -> Page {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let contentType { headers.add(name: .contentType, value: contentType) }
        for (name, value) in extraHeaders { headers.add(name: name, value: value) }
        let buffer = body.map { ByteBuffer(string: $0) }
        let response = try await app.testable().sendRequest(method, path, headers: headers, body: buffer)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        return Page(status: response.status, headers: response.headers, body: response.body.string)
    }

    func forgetCookie(_ name: String) { cookies[name] = nil }
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    static func formEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
    }
}

extension Browser {
    /// An HR administrator's whole web import: the file is checked and previewed, then "Import
    /// these changes" is pressed. Returns the preview when the file was refused.
    func importPeople(_ csv: String, deactivateMissing: Bool = false, filename: String = "people.csv") async throws -> Page {
        let preview = try await upload(
            SiteURL.adminImport.path, fields: deactivateMissing ? ["deactivate_missing": "yes"] : [:], fileField: "file",
            filename: filename, content: csv)
        guard preview.status == .ok, let pending = preview.body.firstMatch(of: /name="pending" value="([0-9A-F-]+)"/)?.1 else {
            return preview
        }
        return try await post(SiteURL.adminImportConfirm.path, ["pending": String(pending)])
    }
}
