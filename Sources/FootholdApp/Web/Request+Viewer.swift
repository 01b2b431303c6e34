import FootholdData
import Foundation
import Vapor

extension Request {
    private struct ViewerKey: StorageKey { typealias Value = Viewer }

    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }

    /// The viewer, or a redirect-worthy error for pages that need someone signed in.
    func requireViewer() throws -> Viewer {
        guard let viewer else { throw SiteError.signInRequired }
        return viewer
    }
}
