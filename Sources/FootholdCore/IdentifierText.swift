import Foundation

extension UUID {
    /// The same text as `uuidString` (upper case, as SQLiteKit stores ids), written directly:
    /// `uuidString` goes through `snprintf`, which showed as 2–3% of a page's CPU.
    public var upperText: String { text(Self.upperDigits) }

    /// Lower case, as ids appear in Foothold's addresses.
    public var lowerText: String { text(Self.lowerDigits) }

    private static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
    private static let lowerDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private func text(_ digits: [UInt8]) -> String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var out = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[out] = UInt8(ascii: "-")
                        out += 1
                    }
                    let byte = bytes[index]
                    buffer[out] = digits[Int(byte >> 4)]
                    buffer[out + 1] = digits[Int(byte & 0x0F)]
                    out += 2
                }
                return out
            }
        }
    }
}
