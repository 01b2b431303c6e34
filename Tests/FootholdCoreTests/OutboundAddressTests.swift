import Foundation
import XCTest

@testable import FootholdCore

/// Where Foothold's own requests may go (decision 0020).
final class OutboundAddressTests: XCTestCase {
    func v4(_ text: String) -> [UInt8] { text.split(separator: ".").map { UInt8($0)! } }

    /// IPv6 written in full groups or with one "::".
    func v6(_ text: String) -> [UInt8] {
        let halves = text.components(separatedBy: "::")
        func groups(_ part: String) -> [UInt16] { part.isEmpty ? [] : part.split(separator: ":").map { UInt16($0, radix: 16)! } }
        let head = groups(halves[0])
        let tail = halves.count > 1 ? groups(halves[1]) : []
        let all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    func testAddressesOnThisMachineOrAPrivateNetworkAreSpecial() {
        for special in [
            "127.0.0.1", "127.255.0.9", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "192.0.2.10", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "255.255.255.255", "192.0.0.8",
        ] {
            XCTAssertTrue(OutboundAddress.isSpecial(v4(special)), special)
        }
        for global in ["8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "52.1.2.3", "192.169.0.1", "169.255.0.1"] {
            XCTAssertFalse(OutboundAddress.isSpecial(v4(global)), global)
        }
        for special in [
            "::1", "::", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "64:ff9b::a00:1",
            "2001:db8::1", "2002:7f00:1::1", "2001::1", "100::1",
        ] {
            XCTAssertTrue(OutboundAddress.isSpecial(v6(special)), special)
        }
        for global in ["2a00:1450:4009:80b::200e", "2606:4700::6810:84e5", "2001:4860:4860::8888"] {
            XCTAssertFalse(OutboundAddress.isSpecial(v6(global)), global)
        }
        XCTAssertTrue(OutboundAddress.isSpecial([1, 2, 3]), "anything else is refused")
    }

    func testATypedAddressMustBeHttpsAndNotPointInside() {
        let literal: (String) -> [UInt8]? = { host in
            if host.contains(":") { return self.v6(host) }
            return host.split(separator: ".").count == 4 && host.allSatisfy({ $0.isNumber || $0 == "." }) ? self.v4(host) : nil
        }
        func problem(_ address: String, allowed: Set<String> = []) -> String? {
            OutboundAddress.problem(address, literal: literal, allowedHosts: allowed)
        }
        XCTAssertNil(problem("https://hooks.slack.com/services/T0/B0/x"))
        XCTAssertEqual(
            problem("http://hooks.slack.com/services/x"),
            "The address must start with https://, so that what is sent cannot be read or changed on the way")
        for inside in [
            "https://127.0.0.1:6379/", "https://localhost:18080/sign-out", "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1:8443/internal", "https://[::1]:8443/", "https://api.localhost/", "https://LOCALHOST./x",
        ] {
            XCTAssertEqual(problem(inside), "The address must be on the internet, not on this machine or a private network", inside)
        }
        XCTAssertNil(problem("https://localhost:8443/hook", allowed: ["localhost"]), "the operator allows a host")
        XCTAssertNil(problem("https://10.0.0.1/hook", allowed: ["10.0.0.1"]))
        XCTAssertEqual(problem("https://user:secret@hooks.example.com/"), "Leave the name and password out of the address")
        XCTAssertEqual(problem("not an address"), "Enter a web address such as https://hooks.slack.com/services/…")
        // An international name is checked, and connected to, in the one form both parsers agree on.
        XCTAssertNil(problem("https://münchen.example/hook"))
        XCTAssertNil(problem("https://xn--mnchen-3ya.example/hook"))
        XCTAssertEqual(
            problem("https://" + String(repeating: "a", count: 500)), "Enter a web address such as https://hooks.slack.com/services/…")
    }

    /// The throttle counts one IPv6 network (/64) as one address: anyone given one has millions.
    func testTheThrottleCountsAnIPv6NetworkAsOneAddress() {
        XCTAssertEqual(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64")
        XCTAssertEqual(SignInThrottle.addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64")
        XCTAssertEqual(SignInThrottle.addressKey("2001:DB8:0001:0002::9%eth0"), "2001:db8:1:2::/64")
        XCTAssertEqual(SignInThrottle.addressKey("::ffff:192.0.2.7"), "192.0.2.7", "IPv4 written in IPv6 is IPv4")
        XCTAssertEqual(SignInThrottle.addressKey("192.0.2.7"), "192.0.2.7")
        XCTAssertEqual(SignInThrottle.addressKey("unknown"), "unknown")
        XCTAssertEqual(SignInThrottle.addressKey("not:an:address:::"), "not:an:address:::", "kept as it is when it is not one")
        let one = SignInThrottle.keys(email: "a@ridgeway.example", address: "2001:db8::1")
        let other = SignInThrottle.keys(email: "a@ridgeway.example", address: "2001:db8::2")
        XCTAssertEqual(one.map(\.key), other.map(\.key))
    }
}
