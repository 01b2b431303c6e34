import Foundation

/// A checkbox or a yes-or-no button as a form sends it: ticked only when it says "yes", which is
/// the value every such field in the kit carries. Anything else, or the field missing, is not
/// ticked, so a made-up value can never mean yes.
struct Ticked: Codable, Equatable, Sendable {
    static let value = "yes"

    let isTicked: Bool

    init(_ isTicked: Bool) { self.isTicked = isTicked }

    /// The field as sent; nil (not ticked) when absent.
    init(field: String?) { isTicked = field == Self.value }

    init(from decoder: any Decoder) throws {
        isTicked = (try? decoder.singleValueContainer().decode(String.self)) == Self.value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isTicked ? Self.value : "")
    }
}

extension Optional where Wrapped == Ticked {
    /// A form's checkbox: ticked when it was sent saying "yes".
    var isTicked: Bool { self?.isTicked ?? false }
}
