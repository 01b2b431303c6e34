import FootholdCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Where mail goes, read from `FOOTHOLD_SMTP_URL`: `smtp://[user:password@]host[:port]` uses
/// STARTTLS when the server offers it (and `?starttls=required` refuses a server that does not);
/// `smtps://` speaks TLS from the first byte. `?ca=/path/to/roots.pem` trusts those roots instead of
/// the system's.
struct SMTPSettings: Sendable, Equatable {
    enum Security: Sendable, Equatable {
        /// STARTTLS when offered; plain text otherwise.
        case startTLSWhenOffered
        case startTLSRequired
        /// TLS from the start (port 465).
        case tls
    }

    var host: String
    var port: Int
    var security: Security
    var username: String?
    var password: String?
    var trustedRootsFile: String?

    static func parse(_ raw: String) throws(Configuration.Problem) -> SMTPSettings {
        func problem(_ why: String) -> Configuration.Problem {
            Configuration.Problem("FOOTHOLD_SMTP_URL \(why), such as smtp://user:password@mail.example.org:587, not '\(raw)'")
        }
        guard let url = URLComponents(string: raw.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased() else {
            throw problem("must be an smtp:// or smtps:// address")
        }
        guard scheme == "smtp" || scheme == "smtps" else { throw problem("must begin smtp:// or smtps://") }
        guard let host = url.host, !host.isEmpty else { throw problem("needs the mail server's name") }
        let port = url.port ?? (scheme == "smtps" ? 465 : 587)
        guard (1...65_535).contains(port) else { throw problem("needs a port from 1 to 65535") }
        var security: Security = scheme == "smtps" ? .tls : .startTLSWhenOffered
        var roots: String?
        for item in url.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("starttls", "required") where scheme == "smtp": security = .startTLSRequired
            case ("starttls", "optional") where scheme == "smtp": security = .startTLSWhenOffered
            case ("ca", let path) where !path.isEmpty: roots = path
            default: throw problem("has a setting it does not know, '\(item.name)=\(item.value ?? "")' (starttls=required or ca=path)")
            }
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: url.user?.removingPercentEncoding,
            password: url.password?.removingPercentEncoding, trustedRootsFile: roots)
    }
}

/// What went wrong talking to a mail server: a reply it gave (4xx may pass, 5xx will not), or the
/// connection itself.
struct SMTPFailure: Error, CustomStringConvertible, Equatable {
    var code: Int?
    var message: String
    /// Worth trying again later: a 4xx reply or a connection that failed.
    var isTransient: Bool { code.map { (400..<500).contains($0) } ?? true }
    var description: String { (code.map { "\($0) " } ?? "") + message }
}

/// A small SMTP client (RFC 5321) on SwiftNIO: EHLO, STARTTLS (RFC 3207), AUTH PLAIN or LOGIN
/// (RFC 4954), then MAIL, RCPT and DATA with dot-stuffing, one message per connection. A
/// password is sent only over TLS, or to a server on this machine.
enum SMTPClient {
    static let timeout: TimeAmount = .seconds(30)

    /// What a delivery was: the server's words of acceptance, and whether it went in plain text.
    struct Sent: Sendable {
        var accepted: String
        var plainText: Bool
    }

    static func send(
        _ message: MailMessage, settings: SMTPSettings, heloName: String, group: any EventLoopGroup
    ) async throws -> Sent {
        let tls = try tlsContext(settings)
        let bootstrap = ClientBootstrap(group: group).connectTimeout(timeout).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                if settings.security == .tls {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: tls, serverHostname: serverName(settings.host)))
                }
                try channel.pipeline.syncOperations.addHandler(ReplyReader())
                try channel.pipeline.syncOperations.addHandler(Conversation())
            }
        }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: settings.host, port: settings.port).get()
        } catch {
            throw SMTPFailure(code: nil, message: "Could not reach \(settings.host):\(settings.port): \(error)")
        }
        defer { channel.close(promise: nil) }
        let talk = try await channel.pipeline.handler(type: Conversation.self).get()
        let reader = try await channel.pipeline.handler(type: ReplyReader.self).get()

        func say(_ line: String?, expect: Set<Int>) async throws -> Reply {
            let reply = try await talk.exchange(line, on: channel)
            guard expect.contains(reply.code) else {
                throw SMTPFailure(code: reply.code, message: reply.text)
            }
            return reply
        }
        _ = try await say(nil, expect: [220])
        var features = try await say("EHLO \(heloName)", expect: [250]).features
        var secure = settings.security == .tls
        if !secure && (features.contains("STARTTLS") || settings.security == .startTLSRequired) {
            guard features.contains("STARTTLS") else {
                throw SMTPFailure(code: nil, message: "\(settings.host) does not offer STARTTLS, which FOOTHOLD_SMTP_URL requires")
            }
            _ = try await say("STARTTLS", expect: [220])
            let handler = try NIOSSLClientHandler(context: tls, serverHostname: serverName(settings.host))
            // Whatever came after the 220, before the handshake, was sent in plain text by anyone
            // on the way: it is thrown away, not read as the secure server's (RFC 3207 §4.2, the
            // STARTTLS injection class). On the event loop, so no read falls between the steps.
            try await channel.eventLoop.submit {
                reader.discardPending()
                talk.discardEarly()
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
            secure = true
            features = try await say("EHLO \(heloName)", expect: [250]).features
        }
        if let username = settings.username {
            let password = settings.password ?? ""
            guard secure || ["localhost", "127.0.0.1", "::1"].contains(settings.host) else {
                throw SMTPFailure(code: nil, message: "Foothold sends a password only over TLS; \(settings.host) offered none")
            }
            let mechanisms =
                features.first { $0.hasPrefix("AUTH ") }.map { Set($0.split(separator: " ").dropFirst().map(String.init)) } ?? []
            if mechanisms.contains("PLAIN") {
                let token = Data(("\u{0}" + username + "\u{0}" + password).utf8).base64EncodedString()
                _ = try await say("AUTH PLAIN " + token, expect: [235])
            } else if mechanisms.contains("LOGIN") {
                _ = try await say("AUTH LOGIN", expect: [334])
                _ = try await say(Data(username.utf8).base64EncodedString(), expect: [334])
                _ = try await say(Data(password.utf8).base64EncodedString(), expect: [235])
            } else {
                throw SMTPFailure(code: nil, message: "\(settings.host) offers neither AUTH PLAIN nor AUTH LOGIN")
            }
        }
        _ = try await say("MAIL FROM:<\(message.from.email)>", expect: [250])
        _ = try await say("RCPT TO:<\(message.to.email)>", expect: [250, 251])
        _ = try await say("DATA", expect: [354])
        let accepted = try await say(MailMessage.dotStuffed(message.rendered()) + ".", expect: [250])
        _ = try? await talk.exchange("QUIT", on: channel)
        return Sent(accepted: accepted.text, plainText: !secure)
    }

    /// An address is not a server name for TLS's SNI.
    static func serverName(_ host: String) -> String? {
        host.contains(":") || host.split(separator: ".").allSatisfy({ Int($0) != nil }) ? nil : host
    }

    static func tlsContext(_ settings: SMTPSettings) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.trustedRootsFile {
            configuration.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// A server's reply: its code, and the text of each of its lines.
    struct Reply: Sendable {
        var code: Int
        var lines: [String]
        var text: String { lines.joined(separator: " ") }
        /// EHLO's extensions, in capitals: "STARTTLS", "AUTH PLAIN LOGIN", "SIZE 1000000".
        var features: [String] { lines.dropFirst().map { $0.uppercased() } }
    }

    /// Lines into replies: "250-first", "250-second", "250 last" is one reply (RFC 5321 §4.2.1).
    /// Our own, not a ByteToMessageHandler, so that what it holds can be thrown away at STARTTLS.
    /// The event loop owns its state.
    final class ReplyReader: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = Reply
        private var pending = ByteBuffer()
        private var lines: [String] = []

        /// Forgets every byte and line not yet made into a reply.
        func discardPending() {
            pending.clear()
            lines = []
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var incoming = unwrapInboundIn(data)
            pending.writeBuffer(&incoming)
            do {
                while let reply = try next() { context.fireChannelRead(wrapInboundOut(reply)) }
            } catch {
                context.fireErrorCaught(error)
            }
        }

        private func next() throws -> Reply? {
            while let end = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                let length = end - pending.readerIndex + 1
                var bytes = pending.readBytes(length: length) ?? []
                pending.discardReadBytes()
                // Bytes, not characters: "\r\n" is one character to Swift, so it has no suffix "\n".
                while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
                let line = String(decoding: bytes, as: UTF8.self)
                guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
                    throw SMTPFailure(code: nil, message: "The mail server sent something that is not a reply: \(line.prefix(80))")
                }
                lines.append(String(decoding: bytes.dropFirst(4), as: UTF8.self))
                if bytes.count == 3 || bytes[3] != UInt8(ascii: "-") {
                    defer { lines = [] }
                    return Reply(code: code, lines: lines)
                }
            }
            if pending.readableBytes > 4096 { throw SMTPFailure(code: nil, message: "The mail server sent a line too long to read") }
            return nil
        }
    }

    /// One command, one reply: each waits for the last. The event loop owns its state.
    final class Conversation: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = Reply
        private var waiting: EventLoopPromise<Reply>?
        private var early: [Reply] = []
        private var failure: (any Error)?

        /// Forgets replies that came before anyone asked (at STARTTLS: sent in plain text).
        func discardEarly() { early = [] }

        func exchange(_ line: String?, on channel: any Channel) async throws -> Reply {
            try await channel.eventLoop.flatSubmit { () -> EventLoopFuture<Reply> in
                if let failure = self.failure { return channel.eventLoop.makeFailedFuture(failure) }
                let promise = channel.eventLoop.makePromise(of: Reply.self)
                if !self.early.isEmpty {
                    promise.succeed(self.early.removeFirst())
                } else {
                    self.waiting = promise
                }
                if let line {
                    channel.writeAndFlush(ByteBuffer(string: line + "\r\n"), promise: nil)
                }
                let timeout = channel.eventLoop.scheduleTask(in: SMTPClient.timeout) {
                    promise.fail(SMTPFailure(code: nil, message: "The mail server did not answer within 30 seconds"))
                    channel.close(promise: nil)
                }
                promise.futureResult.whenComplete { _ in timeout.cancel() }
                return promise.futureResult
            }.get()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let reply = unwrapInboundIn(data)
            if let waiting {
                self.waiting = nil
                waiting.succeed(reply)
            } else {
                early.append(reply)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            fail(SMTPFailure(code: nil, message: "The connection to the mail server failed: \(error)"))
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            fail(SMTPFailure(code: nil, message: "The mail server closed the connection"))
            context.fireChannelInactive()
        }

        private func fail(_ error: SMTPFailure) {
            failure = failure ?? error
            waiting?.fail(error)
            waiting = nil
        }
    }
}
