import Foundation

/// Errors the error page knows how to explain to a person.
enum SiteError: Error {
    case signInRequired
    case forbidden
    case notFound
    case expiredForm
    /// What was sent cannot be taken as it is; the message says why, in words a person can act on.
    case badInput(String)
    /// More was sent than the route accepts from this person.
    case tooLarge(limit: Int)
}
