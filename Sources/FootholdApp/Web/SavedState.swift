import FootholdCore
import Foundation
import Vapor

/// What a page says was just done, carried in its address by the redirect that follows a post
/// (`?saved=`): each page names its own states, so the redirect and the page cannot disagree.
protocol SavedState: RawRepresentable<String>, Sendable {}

extension Request {
    /// The state the address names; nil when it names none, or one this page does not know.
    func saved<State: SavedState>(_: State.Type = State.self) -> State? {
        queryValue("saved").flatMap(State.init(rawValue:))
    }
}

extension SiteURL {
    /// The address, saying `state` was just done.
    func saved<State: SavedState>(_ state: State) -> String { with(query: [("saved", state.rawValue)]) }
}
