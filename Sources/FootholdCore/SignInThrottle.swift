import Foundation

/// Repeated wrong passwords are slowed down, counted under three keys at once (decision 0012):
///
/// - an **account from one address**: the first 5 failures are free, then each further try must
///   wait twice as long as the last, from 30 seconds up to a quarter of an hour. This is what holds
///   back someone guessing one person's password.
/// - an **address**, whatever accounts it tries: 30 free, then the same waits. This holds back
///   someone trying one password on many accounts.
/// - an **account from anywhere**: 1,000 free, then the same waits. Only this one can keep the
///   account's owner out, and one address, held to about one try a quarter of an hour by the first
///   two keys, needs some ten days of unbroken effort to reach it.
///
/// The same rule applies whether or not the email belongs to anyone, so it reveals nothing. A
/// successful sign-in clears the account's keys; keys quiet for a day are forgotten.
public enum SignInThrottle {
    public enum Scope: String, Sendable, CaseIterable {
        case accountFromAddress = "account_address"
        case address
        case account
        /// Links to choose a new password asked for one account, from anywhere (decision 0022).
        case resetAccount = "reset_account"
        /// Links asked for from one address, for whatever accounts.
        case resetAddress = "reset_address"

        public var freeAttempts: Int {
            switch self {
            case .accountFromAddress: SignInThrottle.freeAttempts
            case .address: 30
            case .account: 1_000
            case .resetAccount: 3
            case .resetAddress: 20
            }
        }
    }

    /// The keys a request for a password link counts under: the account and the address, whether
    /// or not the account is anyone's.
    public static func resetKeys(email: String, address: String) -> [(scope: Scope, key: String)] {
        var keys: [(Scope, String)] = [(.resetAddress, "reset-address:" + String(addressKey(address).prefix(64)))]
        if email.utf8.count <= longestEmail, EmailAddress.problem(with: email) == nil {
            keys.insert((.resetAccount, "reset-account:" + email), at: 0)
        }
        return keys
    }

    public static let freeAttempts = 5
    public static let firstWait: TimeInterval = 30
    public static let longestWait: TimeInterval = 15 * 60
    /// A key with no failure for this long is forgotten.
    public static let forgetAfter: TimeInterval = 24 * 60 * 60
    /// Longer than any address an email can have (RFC 5321).
    public static let longestEmail = 254

    /// The keys a failed sign-in counts under. An email that cannot be anyone's (malformed, or
    /// too long) is not stored: only the address counts it.
    public static func keys(email: String, address: String) -> [(scope: Scope, key: String)] {
        let address = String(addressKey(address).prefix(64))
        var keys: [(Scope, String)] = [(.address, "address:" + address)]
        if email.utf8.count <= longestEmail, EmailAddress.problem(with: email) == nil {
            keys.insert((.accountFromAddress, "account:" + email + " from:" + address), at: 0)
            keys.append((.account, "account:" + email))
        }
        return keys
    }

    /// An address as the throttle counts it. One IPv6 network (a /64) is one address: anyone given
    /// one has millions of the addresses in it, so counting each alone would count nothing. An
    /// IPv4 address written in IPv6 (`::ffff:192.0.2.1`) is the IPv4 address.
    public static func addressKey(_ address: String) -> String {
        guard address.contains(":"), let groups = ipv6Groups(address) else { return address }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            return [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF].map(String.init).joined(separator: ".")
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    /// The eight groups of an IPv6 address in text, or nil when it is not one.
    static func ipv6Groups(_ text: String) -> [UInt16]? {
        var text = text
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1 && piece.contains(".") {
                    let octets = piece.split(separator: ".").compactMap { UInt8($0) }
                    guard octets.count == 4 else { return nil }
                    result += [UInt16(octets[0]) << 8 | UInt16(octets[1]), UInt16(octets[2]) << 8 | UInt16(octets[3])]
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard head.count + tail.count < 8 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    /// How long someone must still wait before trying again, or nil when they may try now.
    public static func waitRemaining(failures: Int, lastFailure: Date, now: Date, scope: Scope = .accountFromAddress) -> TimeInterval? {
        guard failures >= scope.freeAttempts else { return nil }
        let doublings = min(failures - scope.freeAttempts, 10)
        let wait = min(firstWait * pow(2, Double(doublings)), longestWait)
        let remaining = lastFailure.addingTimeInterval(wait).timeIntervalSince(now)
        return remaining > 0 ? remaining : nil
    }
}

/// What a password must be (decision 0012): long enough, and not one of the 10,000 passwords
/// people choose most (`CommonPasswords.swift`, from zxcvbn's list), whatever its letters' case.
public enum PasswordRules {
    public static let minimumLength = 12
    public static let maximumLength = 72  // bcrypt reads no further

    /// The common passwords, lower-cased; an immutable constant made once from the shipped list.
    static let common: Set<String> = Set(commonList.split(separator: "\n").map { $0.lowercased() })

    public static func isCommon(_ password: String) -> Bool {
        common.contains(password.trimmingCharacters(in: .whitespaces).lowercased())
    }

    public static func problem(with password: String) -> String? {
        if password.isEmpty { return "Enter a password" }
        if password.count < minimumLength { return "Use at least \(minimumLength) characters" }
        if password.utf8.count > maximumLength { return "Use no more than \(maximumLength) characters" }
        if password.trimmingCharacters(in: .whitespaces).isEmpty { return "Use some characters other than spaces" }
        if isCommon(password) {
            return "That is one of the passwords people choose most often, so it is among the first anyone guesses: choose another"
        }
        return nil
    }
}
