import FootholdCore
import Foundation
import NIOCore

/// Where Foothold's e-mail goes: a mail server over SMTP, a sendmail-compatible program, or a
/// folder of .eml files (for the demo, so a new user sees what would be sent without any mail
/// server). The reminder run, still to come (issue "Reminders and calendars…"), will choose one
/// from its configuration.
enum MailTransport: Sendable, Equatable {
    case smtp(SMTPSettings)
    /// A program such as /usr/sbin/sendmail, given the message on its standard input.
    case sendmail(path: String)
    case folder(path: String)
    /// No e-mail: reminders are in the app only.
    case none

    /// Sends one message. `plainText` hears of a delivery to a mail server that offered no STARTTLS,
    /// which went over the network unencrypted.
    func send(
        _ message: MailMessage, heloName: String, group: any EventLoopGroup, plainText: @Sendable (String) -> Void = { _ in }
    ) async throws {
        switch self {
        case .smtp(let settings):
            let sent = try await SMTPClient.send(message, settings: settings, heloName: heloName, group: group)
            if sent.plainText { plainText(settings.host) }
        case .sendmail(let path):
            try await Self.sendmail(message, program: path)
        case .folder(let path):
            let name = message.messageID.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "@", with: "-at-")
            let file = URL(fileURLWithPath: path).appendingPathComponent(name + ".eml")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            // Written whole, then renamed: a reader never sees half a message.
            let part = file.appendingPathExtension("part")
            try Data(message.rendered().utf8).write(to: part)
            guard rename(part.path, file.path) == 0 else {
                throw SMTPFailure(code: nil, message: "Could not write \(file.path): error \(errno)")
            }
        case .none:
            break
        }
    }

    /// `program -i -f sender -- recipient`, the message on standard input, as Ruby's Mail and
    /// Gitea call it; a non-zero exit is a failure worth trying again.
    static func sendmail(_ message: MailMessage, program: String) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-i", "-f", message.from.email, "--", message.to.email]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // sendmail reads lines ending in LF.
        input.fileHandleForWriting.write(Data(message.rendered().replacingOccurrences(of: "\r\n", with: "\n").utf8))
        try input.fileHandleForWriting.close()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw SMTPFailure(code: nil, message: "\(program) exited with \(process.terminationStatus): \(said.prefix(300))")
        }
    }
}
