@testable import FootholdData
import Foundation
import XCTest

/// A self-signed certificate for localhost (and any other names given), made by openssl in a
/// folder, for the test servers that speak TLS: the SMTP server and the webhook receiver.
struct TestCertificate {
    let certificate: String
    let key: String

    init(in folder: URL, names: [String] = ["localhost"]) throws {
        certificate = folder.appendingPathComponent("cert.pem").path
        key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj",
            "/CN=\(names[0])", "-addext", "subjectAltName=" + names.map { "DNS:\($0)" }.joined(separator: ","),
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        XCTAssertEqual(openssl.terminationStatus, 0, "openssl made a certificate for \(names.joined(separator: ", "))")
    }
}
