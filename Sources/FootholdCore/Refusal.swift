import Foundation

/// The domain's answer when a person may not do or see something. The web shows it as a page
/// (`SiteMiddleware`), the API as a problem document; neither decides it.
public enum Refusal: Error, Equatable, Sendable {
    /// They may not do this, and may know that it exists.
    case notAllowed
    /// As far as they may know, it does not exist: the access policy hides it.
    case hidden
}
