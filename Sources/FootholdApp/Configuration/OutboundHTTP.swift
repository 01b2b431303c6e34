import AsyncHTTPClient
import FootholdCore
import FootholdData
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Vapor

/// Every request Foothold makes of its own goes through here (decision 0020): https only, no
/// redirect followed, and the address the name resolves to when the request is made must not be
/// on this machine, a private network or otherwise special (`OutboundAddress`), unless the
/// operator allows the host (FOOTHOLD_OUTBOUND_ALLOW_HOSTS). The connection goes to the very
/// address that was checked, so a name cannot be pointed elsewhere between check and use.
struct OutboundHTTP: Sendable, Equatable {
    /// Hosts that may resolve to any address, as `OutboundAddress.normalised` writes them.
    var allowedHosts: Set<String> = []
    /// A PEM file of roots to trust instead of the system's.
    var trustRoots: String?

    enum Failure: Error, CustomStringConvertible, Equatable {
        case badAddress(String)
        case unresolved(host: String)
        case refused(host: String)
        case answerTooLong(host: String)

        var description: String {
            switch self {
            case .badAddress(let problem): problem
            case .unresolved(let host): "\(host) could not be found"
            case .refused(let host): "\(host) leads to an address on this machine or a private network, which Foothold does not send to"
            case .answerTooLong(let host): "\(host) answered with more than Foothold reads"
            }
        }
    }

    /// What the form says about an address, before anything is sent to it.
    func problem(_ address: String) -> String? {
        OutboundAddress.problem(address, literal: Self.literalBytes, allowedHosts: allowedHosts)
    }

    /// Posts a JSON body and returns the answer's status; a redirect is returned, not followed.
    func postJSON(_ body: Data, to address: String, timeout: TimeAmount, on app: Application) async throws -> HTTPResponseStatus {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        // Nothing in the answer is used: a long one is not read.
        return try await send(.POST, to: address, headers: headers, body: body, keeping: nil, timeout: timeout, on: app).status
    }

    /// An answer, with at most as much of its body as the caller said it would keep.
    struct Answer: Sendable {
        var status: HTTPResponseStatus
        var body: Data
    }

    /// Sends a request and returns the answer with its body, which may be at most `keeping` bytes
    /// (a longer one is an error, not a partial answer; nil keeps none); a redirect is returned,
    /// not followed.
    func send(
        _ method: HTTPMethod, to address: String, headers: HTTPHeaders = [:], body: Data? = nil, keeping limit: Int?,
        timeout: TimeAmount, on app: Application
    ) async throws -> Answer {
        if let problem = problem(address) { throw Failure.badAddress(problem) }
        // The host as AsyncHTTPClient reads it (Foundation's URL), which is the one it would look
        // up and connect to; URLComponents gives an international name in Unicode instead, and a
        // check of one name while the client connects to another would check nothing.
        guard let components = URLComponents(string: address), let url = URL(string: address), let rawHost = url.host,
            OutboundAddress.normalised(rawHost) == OutboundAddress.normalised(components.encodedHost ?? ""),
            rawHost.utf8.allSatisfy({ $0 < 0x80 })
        else { throw Failure.badAddress("The address's host name must be written in plain letters") }
        let host = OutboundAddress.normalised(rawHost)
        let port = url.port ?? 443
        let resolve = app.clients.resolveHost
        let addresses = try await app.threadPool.runIfActive { resolve(host, port) }
        guard let first = addresses.first else { throw Failure.unresolved(host: host) }
        if !allowedHosts.contains(host) && addresses.contains(where: { OutboundAddress.isSpecial($0.bytes) }) {
            throw Failure.refused(host: host)
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let trustRoots { tls.trustRoots = .file(trustRoots) }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: timeout))
        // Connect to the address just checked; the certificate is still checked against the name.
        configuration.dnsOverride[rawHost] = first.text
        configuration.dnsOverride[host] = first.text
        let client = HTTPClient(eventLoopGroupProvider: .shared(app.eventLoopGroup), configuration: configuration)
        do {
            var request = HTTPClientRequest(url: address)
            request.method = method
            request.headers = headers
            if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
            let response = try await client.execute(request, timeout: timeout + .seconds(5))
            var kept = Data()
            if let limit {
                guard let answer = try? await response.body.collect(upTo: limit) else { throw Failure.answerTooLong(host: host) }
                kept = Data(answer.readableBytesView)
            } else {
                _ = try? await response.body.collect(upTo: 64 * 1024)
            }
            try await client.shutdown()
            return Answer(status: response.status, body: kept)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    struct Resolved: Sendable {
        var bytes: [UInt8]
        var text: String
    }

    /// Every address the system's resolver gives for the host.
    static func resolve(_ host: String, port: Int) -> [Resolved] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let list else { return [] }
        defer { freeaddrinfo(list) }
        var found: [Resolved] = []
        var next: UnsafeMutablePointer<addrinfo>? = list
        while let entry = next {
            next = entry.pointee.ai_next
            guard let address = entry.pointee.ai_addr else { continue }
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                var v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                let bytes = withUnsafeBytes(of: &v4) { Array($0) }
                found.append(Resolved(bytes: bytes, text: bytes.map(String.init).joined(separator: ".")))
            case AF_INET6:
                var v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                let bytes = withUnsafeBytes(of: &v6) { Array($0) }
                var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
                inet_ntop(AF_INET6, &v6, &text, socklen_t(text.count))
                found.append(Resolved(bytes: bytes, text: String(cString: text)))
            default: continue
            }
        }
        return found
    }

    /// The bytes of a host written as an IPv4 or IPv6 address, or nil for a name.
    static func literalBytes(_ host: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
