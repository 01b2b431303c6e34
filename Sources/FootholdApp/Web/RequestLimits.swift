import FootholdCore
import Foundation
import Vapor

/// What the site accepts in a request, checked before any route sees it.
enum RequestLimits {
    /// Every form: a long preparation or summary is a few thousand characters; this is room for
    /// many times that, and small enough that nobody can tie up the server by sending more.
    static let formBody = 64 * 1024

    /// The uploads an HR administrator may send; anyone else posting there is held to `formBody`.
    static func upload(for path: String) -> Int? {
        switch path {
        case SiteURL.adminImport.path: 50 * 1024 * 1024
        case SiteURL.adminQuestionBankImport.path: 2 * 1024 * 1024
        default: nil
        }
    }

    static func describe(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) KB"
    }

    /// A NUL character can be stored by neither database as text (PostgreSQL refuses it, SQLite
    /// cuts text short at it), and no one types one: it comes from pasting out of another program
    /// or from someone probing. A URL or a form that carries one is refused whole, with a reason.
    /// (Uploaded files are checked line by line by their importers.)
    static func checkText(of request: Request) throws {
        var url = request.url.string
        if url.withUTF8({ containsNUL($0, raw: false) }) {
            throw SiteError.badInput("The address contains a NUL character, which Foothold cannot read.")
        }
        guard request.headers.contentType == .urlEncodedForm, let body = request.body.data else { return }
        if body.withUnsafeReadableBytes({
            containsNUL(UnsafeBufferPointer<UInt8>(start: $0.baseAddress?.assumingMemoryBound(to: UInt8.self), count: $0.count), raw: true)
        }) {
            throw SiteError.badInput(
                "Something you entered contains a NUL character (an invisible character that sometimes comes with text pasted from another program). Remove it and try again."
            )
        }
    }

    /// Whether the bytes hold `%00` (or, with `raw`, a NUL byte itself). Forms and URLs run to
    /// tens of kilobytes, so this looks only where a "%" is.
    static func containsNUL(_ bytes: UnsafeBufferPointer<UInt8>, raw: Bool) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        if raw, memchr(base, 0, bytes.count) != nil { return true }
        var from = 0
        while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "%")), bytes.count - from) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at + 2 < bytes.count, bytes[at + 1] == UInt8(ascii: "0"), bytes[at + 2] == UInt8(ascii: "0") { return true }
            from = at + 1
        }
        return false
    }
}
