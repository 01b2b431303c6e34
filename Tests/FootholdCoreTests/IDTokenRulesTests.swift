import Foundation
import XCTest

@testable import FootholdCore

/// What an ID token must say before anyone is signed in with it (decision 0025).
final class IDTokenRulesTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var expected: IDTokenRules.Expected {
        IDTokenRules.Expected(issuer: "https://login.example.org/tenant/v2.0", clientID: "foothold", nonce: "n-123", now: now)
    }

    func good() -> IDTokenRules.Claims {
        IDTokenRules.Claims(
            issuer: "https://login.example.org/tenant/v2.0", audiences: ["foothold"], expires: now.addingTimeInterval(300),
            issuedAt: now.addingTimeInterval(-5), nonce: "n-123")
    }

    func testATokenThatKeepsEveryRulePasses() {
        XCTAssertNil(IDTokenRules.problem(good(), expected: expected))
        var several = good()
        several.audiences = ["foothold", "another"]
        several.authorizedParty = "foothold"
        XCTAssertNil(IDTokenRules.problem(several, expected: expected), "several audiences, issued to Foothold")
    }

    func testEachBrokenRuleIsNamed() {
        func broken(_ change: (inout IDTokenRules.Claims) -> Void) -> SingleSignOnRefusal? {
            var claims = good()
            change(&claims)
            return IDTokenRules.problem(claims, expected: expected)
        }
        XCTAssertEqual(broken { $0.issuer = "https://login.example.org/other/v2.0" }, .wrongIssuer)
        XCTAssertEqual(broken { $0.issuer = nil }, .wrongIssuer)
        XCTAssertEqual(broken { $0.issuer = "https://login.example.org/tenant/v2.0/" }, .wrongIssuer, "exactly the issuer")
        XCTAssertEqual(broken { $0.audiences = ["someone-else"] }, .wrongAudience)
        XCTAssertEqual(broken { $0.audiences = [] }, .wrongAudience)
        XCTAssertEqual(broken { $0.audiences = ["foothold", "another"] }, .wrongAudience, "several audiences need azp")
        XCTAssertEqual(broken { $0.authorizedParty = "another" }, .wrongAudience)
        XCTAssertEqual(broken { $0.expires = nil }, .expired)
        XCTAssertEqual(broken { $0.expires = self.now.addingTimeInterval(-IDTokenRules.allowedClockSkew - 1) }, .expired)
        XCTAssertNil(broken { $0.expires = self.now.addingTimeInterval(-IDTokenRules.allowedClockSkew + 5) }, "a little skew is forgiven")
        XCTAssertEqual(broken { $0.issuedAt = nil }, .issuedAtWrongTime)
        XCTAssertEqual(broken { $0.issuedAt = self.now.addingTimeInterval(IDTokenRules.allowedClockSkew + 1) }, .issuedAtWrongTime)
        XCTAssertEqual(
            broken { $0.issuedAt = self.now.addingTimeInterval(-IDTokenRules.longestAge - IDTokenRules.allowedClockSkew - 1) },
            .issuedAtWrongTime, "an old token is not a sign-in happening now")
        XCTAssertEqual(broken { $0.nonce = nil }, .wrongNonce)
        XCTAssertEqual(broken { $0.nonce = "n-124" }, .wrongNonce)
        var noNonce = expected
        noNonce.nonce = ""
        var empty = good()
        empty.nonce = ""
        XCTAssertEqual(IDTokenRules.problem(empty, expected: noNonce), .wrongNonce, "an empty nonce never matches")
    }

    func testThePersonIsMatchedByTheClaimAndAnUnverifiedAddressIsNotUsed() {
        XCTAssertEqual(
            try IDTokenRules.matchValue(
                claim: "email",
                claims: ["sub": .text("s"), "email": .text(" Freya.Parker@Ridgeway.example "), "email_verified": .flag(true)]
            ).get(), "freya.parker@ridgeway.example")
        XCTAssertEqual(
            try IDTokenRules.matchValue(
                claim: "email", claims: ["sub": .text("s"), "email": .text("a@b.example"), "email_verified": .text("true")]
            ).get(), "a@b.example")
        for unverified in [IDTokenValue.flag(false), .text("false"), .text("False"), .number(1), .other] {
            XCTAssertThrowsError(
                try IDTokenRules.matchValue(
                    claim: "email", claims: ["sub": .text("s"), "email": .text("a@b.example"), "email_verified": unverified]
                ).get()
            ) { XCTAssertEqual($0 as? SingleSignOnRefusal, .emailNotVerified) }
        }
        XCTAssertThrowsError(
            try IDTokenRules.matchValue(claim: "email", claims: ["sub": .text("s"), "email": .text("a@b.example")]).get(),
            "an address the provider does not say it verified is not used"
        ) { XCTAssertEqual($0 as? SingleSignOnRefusal, .emailNotVerified) }
        XCTAssertThrowsError(
            try IDTokenRules.matchValue(claim: "preferred_username", claims: ["preferred_username": .text("a@b.example")]).get()
        ) { XCTAssertEqual($0 as? SingleSignOnRefusal, .claimMissing("sub"), "no subject, no token") }
        XCTAssertEqual(
            try IDTokenRules.matchValue(
                claim: "preferred_username", claims: ["sub": .text("s"), "preferred_username": .text("A@B.example")]
            )
            .get(), "a@b.example")
        for missing: [String: IDTokenValue] in [
            ["sub": .text("s")], ["sub": .text("s"), "email": .number(1)], ["sub": .text("s"), "email": .text("  ")],
            ["sub": .text("s"), "email": .list(["a@b.example"])],
        ] {
            XCTAssertThrowsError(try IDTokenRules.matchValue(claim: "email", claims: missing).get()) {
                XCTAssertEqual($0 as? SingleSignOnRefusal, .claimMissing("email"))
            }
        }
    }

    func testWhatTheAuditLogKeepsNeverHoldsWhatTheProviderSent() {
        XCTAssertEqual(SingleSignOnRefusal.providerSaidNo("<script>alert(1)</script>").auditDetail, "the identity provider refused")
        XCTAssertEqual(SingleSignOnRefusal.algorithmNotAllowed("none").auditDetail, "the ID token's signing algorithm is not allowed")
        for refusal in [SingleSignOnRefusal.unknownPerson, .personLeft, .notStartedHere, .providerUnavailable] {
            XCTAssertFalse(refusal.message.isEmpty)
        }
    }
}
