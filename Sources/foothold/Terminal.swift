import Foundation

enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) { line("foothold: \(text)") }
    static func warning(_ text: String) { line("warning: \(text)") }
}

/// A progress bar on standard error, drawn only when that is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastDrawn = -1
    private var drew = false

    init(label: String) { self.label = label }

    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in draw(done: done, total: total) }
    }

    private func draw(done: Int, total: Int) {
        guard Terminal.isInteractive, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        drew = true
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)% (\(done)/\(total))".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drew { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
