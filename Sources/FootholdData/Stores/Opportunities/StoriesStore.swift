import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A story with the names the pages show.
package struct StoryLine: Equatable {
    package var story: SuccessStory
    package var personName: String
    package var writerName: String
}

/// Every query about success stories. Nothing here publishes a story but its person's consent.
package enum StoriesStore {
    private static func lines(where condition: SQLQueryString, on reads: Reads) async throws -> [StoryLine] {
        try await reads.rows(
            """
            SELECT s.id, s.person_id, s.written_by_id, s.title, s.body, s.tags, s.consented_at, s.version, p.name AS person_name, \
            w.name AS writer_name FROM success_stories s JOIN people p ON p.id = s.person_id JOIN people w ON w.id = s.written_by_id \
            WHERE \(condition) ORDER BY s.updated_at DESC, s.id LIMIT 500
            """
        ).map { row in
            StoryLine(
                story: SuccessStory(
                    id: try row.decode(column: "id", as: UUID.self), personID: try row.decode(column: "person_id", as: UUID.self),
                    writerID: try row.decode(column: "written_by_id", as: UUID.self),
                    title: try row.decode(column: "title", as: String.self),
                    body: try row.decode(column: "body", as: String.self),
                    tags: OpportunityDraft.list(try row.decode(column: "tags", as: String.self)),
                    consentedAt: try row.decodeNil(column: "consented_at") ? nil : try row.decode(column: "consented_at", as: Date.self),
                    version: try row.decode(column: "version", as: Int.self)),
                personName: try row.decode(column: "person_name", as: String.self),
                writerName: try row.decode(column: "writer_name", as: String.self))
        }
    }

    /// Published stories of people still here, newest first.
    package static func published(on reads: Reads) async throws -> [StoryLine] {
        try await lines(where: "s.consented_at IS NOT NULL AND p.active = \(bind: true)", on: reads)
    }

    /// Stories about the person or written by them, published or not.
    package static func own(_ personID: UUID, on reads: Reads) async throws -> [StoryLine] {
        try await lines(where: "s.person_id = \(bind: personID) OR s.written_by_id = \(bind: personID)", on: reads)
    }

    /// One story, for someone who may read it.
    package static func load(_ id: UUID, for viewerID: UUID, on reads: Reads) async throws -> StoryLine {
        guard let line = try await lines(where: "s.id = \(bind: id)", on: reads).first, line.story.mayRead(viewerID) else {
            throw StoreError.notFound
        }
        return line
    }

    package static func save(_ story: SuccessStory, isNew: Bool, at now: Date, on database: any Database) async throws {
        let model: SuccessStoryModel
        if isNew {
            model = SuccessStoryModel()
            model.id = story.id
            model.$person.id = story.personID
            model.$writtenBy.id = story.writerID
            model.createdAt = now
        } else {
            guard let found = try await SuccessStoryModel.find(story.id, on: database) else { throw StoreError.notFound }
            model = found
        }
        model.title = story.title
        model.body = story.body
        model.tags = story.tags.joined(separator: ", ")
        model.consentedAt = story.consentedAt
        model.version = story.version
        model.updatedAt = now
        try await model.save(on: database)
    }

    /// Consent was given to words that have changed since.
    package struct StaleConsent: Error {
        package init() {}
    }

    /// The person it is about gives consent to the version they read, or withdraws it; the audit
    /// log records which. Consent to a version that is no longer the story's throws `StaleConsent`
    /// and changes nothing: the words may have changed after the page was opened.
    package static func setConsent(_ story: SuccessStory, given: Bool, version: Int, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let changed = try await database.sql.raw(
                """
                UPDATE success_stories SET consented_at = \(bind: given ? now : nil), updated_at = \(bind: now) \
                WHERE id = \(bind: story.id) AND person_id = \(bind: story.personID) AND version = \(bind: version) RETURNING id
                """
            ).all()
            if given && changed.isEmpty { throw StaleConsent() }
            try await AuditLog.record(
                .storyConsentChanged, by: story.personID, about: story.personID, detail: given ? "gave consent" : "withdrew consent",
                at: now,
                on: database)
        }
    }

    package static func delete(_ id: UUID, on database: any Database) async throws {
        try await SuccessStoryModel.query(on: database).filter(\.$id == id).delete()
    }
}
