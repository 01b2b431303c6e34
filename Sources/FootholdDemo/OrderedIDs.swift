import Foundation

/// Identifiers that sort in the order they are made: a millisecond clock and a counter in the first
/// 48 bits, then random bits, laid out as a version 7 UUID.
struct OrderedIDs {
    private var counter: UInt64
    private var generator = SystemRandomNumberGenerator()

    init(startingAt date: Date) { counter = UInt64(max(0, date.timeIntervalSince1970 * 1000)) }

    mutating func next() -> UUID {
        counter += 1
        let random = generator.next() as UInt64
        let time = counter & 0xFFFF_FFFF_FFFF
        return UUID(
            uuid: (
                UInt8(time >> 40 & 0xFF), UInt8(time >> 32 & 0xFF), UInt8(time >> 24 & 0xFF), UInt8(time >> 16 & 0xFF),
                UInt8(time >> 8 & 0xFF), UInt8(time & 0xFF), 0x70 | UInt8(random & 0x0F), UInt8(random >> 8 & 0xFF),
                0x80 | UInt8(random >> 16 & 0x3F), UInt8(random >> 24 & 0xFF), UInt8(random >> 32 & 0xFF), UInt8(random >> 40 & 0xFF),
                UInt8(random >> 48 & 0xFF), UInt8(random >> 56 & 0xFF), UInt8(random >> 4 & 0xF0), UInt8(random >> 12 & 0xF0)
            ))
    }
}
