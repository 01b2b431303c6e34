import Foundation

/// A short account of someone who moved or grew (seed 003: "share success stories of employees who
/// have successfully transitioned"), written by them or with them, and published only while they
/// consent.
public struct SuccessStory: Sendable, Equatable, Identifiable {
    public var id: UUID
    /// Whom it is about: the only person whose consent publishes it.
    public var personID: UUID
    public var writerID: UUID
    public var title: String
    public var body: String
    public var tags: [String]
    public var consentedAt: Date?
    /// Raised whenever its words change: consent is given to one version, the one its person read.
    public var version: Int

    public init(
        id: UUID, personID: UUID, writerID: UUID, title: String, body: String, tags: [String], consentedAt: Date? = nil,
        version: Int = 0
    ) {
        self.version = version
        self.id = id
        self.personID = personID
        self.writerID = writerID
        self.title = title
        self.body = body
        self.tags = tags
        self.consentedAt = consentedAt
    }

    public var isPublished: Bool { consentedAt != nil }

    /// Everyone reads a published story; until then, only the person it is about and its writer.
    public func mayRead(_ viewerID: UUID) -> Bool { isPublished || viewerID == personID || viewerID == writerID }

    /// Its person and its writer may change or delete it.
    public func mayChange(_ viewerID: UUID) -> Bool { viewerID == personID || viewerID == writerID }

    /// Only the person it is about gives or withdraws consent.
    public func mayConsent(_ viewerID: UUID) -> Bool { viewerID == personID }

    /// Consent given to the version its person read publishes it; consent to an earlier version,
    /// from a page opened before someone changed the words, does not.
    public func acceptsConsent(toVersion seen: Int) -> Bool { seen == version }

    /// The story after `editorID` changed its words: consent given to other words does not carry
    /// over to someone else's, so a writer's change unpublishes it until its person agrees again.
    public func changed(by editorID: UUID, title: String, body: String, tags: [String]) -> SuccessStory {
        var story = self
        story.title = title
        story.body = body
        story.tags = tags
        let reworded = title != self.title || body != self.body || tags != self.tags
        if reworded { story.version += 1 }
        if editorID != personID && reworded { story.consentedAt = nil }
        return story
    }

    /// The words that tie a story to an opportunity: its title and tags.
    public var words: Set<String> { RankingWords.contentWords(([title] + tags).joined(separator: " ")) }

    public static let titleLength = 150
    public static let bodyLength = 4_000

    /// The fields of the story form, or what is wrong with each.
    public static func parse(title: String, body: String, tags: String) -> Result<
        (title: String, body: String, tags: [String]), FieldProblems
    > {
        var problems = FieldProblems()
        let title = title.trimmed()
        if title.isEmpty { problems.add("title", "Give the story a title, such as \u{201C}From housing officer to policy adviser\u{201D}") }
        if title.count > titleLength { problems.add("title", "Keep the title to \(titleLength) characters; it has \(title.count)") }
        let body = body.trimmed()
        if body.isEmpty { problems.add("body", "Tell the story: what you did, what helped, what you would say to someone thinking of it") }
        if body.count > bodyLength { problems.add("body", "Keep the story to \(bodyLength) characters; it has \(body.count)") }
        if tags.trimmed().count > OpportunityDraft.listLength {
            problems.add("tags", "Keep the tags to \(OpportunityDraft.listLength) characters; they have \(tags.trimmed().count)")
        }
        guard problems.isEmpty else { return .failure(problems) }
        return .success((title, body, OpportunityDraft.list(tags)))
    }

    /// Published stories that share words with an opportunity's title, skills and tags, most in
    /// common first; at most `limit`.
    public static func matching(
        _ stories: [SuccessStory], opportunity: OpportunityRanking.MatchWords, limit: Int = 3
    ) -> [SuccessStory] {
        stories.filter(\.isPublished).map { ($0, $0.words.intersection(opportunity.strong).count) }.filter { $0.1 > 0 }
            .sorted { ($0.1, $1.0.title) > ($1.1, $0.0.title) }.prefix(limit).map(\.0)
    }
}
