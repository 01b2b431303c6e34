import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Success stories: published ones for everyone, and one's own with the consent that publishes them.
enum StoriesPage {
    struct Model {
        var published: [StoryLine]
        /// About the viewer or written by them.
        var own: [StoryLine]
        var viewerID: UUID

        static func load(viewerID: UUID, on reads: Reads) async throws -> Model {
            Model(
                published: try await StoriesStore.published(on: reads), own: try await StoriesStore.own(viewerID, on: reads),
                viewerID: viewerID)
        }
    }

    struct Form: Content {
        /// Whom it is about: empty for the writer, or a colleague's name or work e-mail address.
        var about: String?
        var title: String?
        var body: String?
        var tags: String?
        /// The writer's own story, published at once.
        var publish: String?

        init() {}

        init(_ line: StoryLine) {
            title = line.story.title
            body = line.story.body
            tags = line.story.tags.joined(separator: ", ")
        }
    }
}
