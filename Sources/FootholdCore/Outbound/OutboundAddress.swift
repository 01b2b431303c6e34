import Foundation

/// Where Foothold may send a request of its own (a chat webhook, and any outbound call added
/// later; decision 0020): over https, to an address on the public internet. An address on this
/// machine, on a private network, link-local (where clouds keep their metadata services) or
/// otherwise set aside is refused, whatever name led to it, unless the operator names the host
/// as allowed.
public enum OutboundAddress {
    /// Whether an IP address, as its 4 or 16 bytes, is one a request must not reach.
    public static func isSpecial(_ bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 4: return isSpecialIPv4(bytes)
        case 16: return isSpecialIPv6(bytes)
        default: return true
        }
    }

    static func isSpecialIPv4(_ b: [UInt8]) -> Bool {
        let (a, c) = (b[0], b[1])
        switch a {
        case 0, 10, 127: return true  // "this network", private, loopback
        case 100 where (64...127).contains(c): return true  // shared address space (carrier-grade NAT)
        case 169 where c == 254: return true  // link-local, cloud metadata
        case 172 where (16...31).contains(c): return true  // private
        case 192 where c == 168: return true  // private
        case 192 where c == 0 && (b[2] == 0 || b[2] == 2): return true  // protocol assignments, documentation
        case 192 where c == 88 && b[2] == 99: return true  // 6to4 relay
        case 198 where c == 18 || c == 19: return true  // benchmarking
        case 198 where c == 51 && b[2] == 100: return true  // documentation
        case 203 where c == 0 && b[2] == 113: return true  // documentation
        case 224...255: return true  // multicast, reserved, broadcast
        default: return false
        }
    }

    static func isSpecialIPv6(_ b: [UInt8]) -> Bool {
        // Only global unicast (2000::/3) may be reached; that leaves out loopback, unspecified,
        // IPv4-mapped and -compatible, NAT64, discard, unique local, link-local and multicast.
        guard b[0] & 0xE0 == 0x20 else { return true }
        let first = UInt16(b[0]) << 8 | UInt16(b[1])
        let second = UInt16(b[2]) << 8 | UInt16(b[3])
        if first == 0x2001 && second < 0x0200 { return true }  // protocol assignments: Teredo, ORCHID, benchmarking
        if first == 0x2001 && second == 0x0DB8 { return true }  // documentation
        if first == 0x2002 { return true }  // 6to4, which carries an IPv4 address of any kind
        if first == 0x3FFF && second < 0x1000 { return true }  // documentation
        return false
    }

    /// What is wrong with an address typed for an outbound request, or nil. `literal` gives the
    /// bytes of the host when it is written as an IP address. The address a name leads to is
    /// checked again each time a request is made (`isSpecial`), so a name cannot be pointed
    /// somewhere else after it is saved.
    public static func problem(_ address: String, literal: (String) -> [UInt8]?, allowedHosts: Set<String>) -> String? {
        // The host as sent on the wire: an international name in its xn-- form.
        guard address.count <= 500, address.allSatisfy({ !$0.isWhitespace }), let url = URLComponents(string: address),
            let scheme = url.scheme?.lowercased(), let host = url.encodedHost, !host.isEmpty
        else { return "Enter a web address such as https://hooks.slack.com/services/…" }
        guard scheme == "https" else {
            return "The address must start with https://, so that what is sent cannot be read or changed on the way"
        }
        if url.user != nil || url.password != nil { return "Leave the name and password out of the address" }
        // The two parsers must agree on the host: the one checked is the one connected to.
        guard host.utf8.allSatisfy({ $0 < 0x80 }), URL(string: address)?.host.map(normalised) == normalised(host) else {
            return "Enter a web address such as https://hooks.slack.com/services/…"
        }
        let name = normalised(host)
        if allowedHosts.contains(name) { return nil }
        if name == "localhost" || name.hasSuffix(".localhost") || literal(name).map(isSpecial) == true {
            return "The address must be on the internet, not on this machine or a private network"
        }
        return nil
    }

    /// A host as it is compared with the allowed ones: lower case, without IPv6's brackets or a final dot.
    public static func normalised(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}
