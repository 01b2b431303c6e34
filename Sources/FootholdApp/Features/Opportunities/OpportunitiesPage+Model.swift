import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The opportunities catalogue: what matches what the person wants, with why, and everything open.
enum OpportunitiesPage {
    struct Entry {
        var item: CatalogueItem
        var unitName: String?
        var contactName: String?
        /// Why it matched, in the person's own words; nil when it was not ranked for them.
        var why: String?
        var mayKeep: Bool
        /// Published stories of people who did something like it.
        var stories: [StoryLine] = []

        var opportunity: Opportunity { item.opportunity }
    }

    static let rankedShown = 10
    static let pageSize = 25

    struct Model {
        var ranked: [Entry]
        /// Whether the person has said anything yet that ranking can use.
        var hasSaid: Bool
        var all: [Entry]
        var kind: OpportunityKind?
        var page: Paging
        var hasNext: Bool
        var openCount: Int
        var keeper: CatalogueKeeper
        var resources: [UnitResource] = []

        static func load(
            viewer: Viewer, kindText: String?, page: Int, today: CalendarDate, catalogue: OpportunityCatalogue, on reads: Reads
        ) async throws -> Model {
            let open = try await OpportunitiesStore.open(today: today, catalogue: catalogue, on: reads)
            let profile = try await OpportunitiesStore.ownProfile(of: viewer.personID, on: reads)
            let ranked = OpportunityRanking.rank(index: open.index, for: profile, today: today, limit: rankedShown)
            let kind = kindText.flatMap { OpportunityKind(rawValue: $0) }
            let paging = Paging(number: page, size: pageSize)
            let listed = kind.map { kind in open.items.filter { $0.opportunity.kind == kind } } ?? open.items
            let shown = Array(listed.dropFirst(paging.offset).prefix(pageSize))
            let byID = open.byID
            let keeper = try await OpportunitiesStore.keeper(viewer.personID, isHRAdministrator: viewer.isHRAdministrator, on: reads)
            let rankedItems = ranked.compactMap { byID[$0.opportunity.id] }
            let names = try await OpportunitiesStore.names(
                units: Set((rankedItems + shown).compactMap(\.unitID)), people: Set((rankedItems + shown).compactMap(\.contactID)),
                on: reads)
            func entry(_ item: CatalogueItem, why: String?) -> Entry {
                Entry(
                    item: item, unitName: item.unitID.flatMap { names.units[$0] }, contactName: item.contactID.flatMap { names.people[$0] },
                    why: why, mayKeep: keeper.mayKeep(unitID: item.unitID))
            }
            let saidAnything = !(profile.interests + profile.roles + profile.goals + profile.preparation).allSatisfy {
                $0.trimmed().isEmpty
            }
            let published = storyWords(try await StoriesStore.published(on: reads))
            func withStory(_ item: CatalogueItem, why: String) -> Entry {
                var shown = entry(item, why: why)
                shown.stories = stories(published, matching: item, limit: 1)
                return shown
            }
            return Model(
                ranked: ranked.compactMap { ranked in byID[ranked.opportunity.id].map { withStory($0, why: ranked.why) } },
                hasSaid: saidAnything, all: shown.map { entry($0, why: nil) }, kind: kind, page: paging,
                hasNext: listed.count > paging.offset + pageSize, openCount: listed.count, keeper: keeper,
                resources: try await ResourcesStore.forPerson(viewer.personID, on: reads))
        }

        func link(page: Int) -> String {
            SiteURL.opportunities.with(query: [("kind", kind?.rawValue), ("page", page > 1 ? String(page) : nil)])
        }
    }

    /// Published stories with their words, worked out once for a page.
    static func storyWords(_ published: [StoryLine]) -> [(line: StoryLine, words: Set<String>)] {
        published.map { ($0, $0.story.words) }
    }

    /// The published stories that share words with an opportunity, most in common first.
    static func stories(_ published: [(line: StoryLine, words: Set<String>)], matching item: CatalogueItem, limit: Int) -> [StoryLine] {
        published.filter(\.line.story.isPublished).map { ($0.line, $0.words.intersection(item.words.strong).count) }.filter { $0.1 > 0 }
            .sorted { ($0.1, $1.0.story.title) > ($1.1, $0.0.story.title) }.prefix(limit).map(\.0)
    }

    /// One opportunity, and why it matches the viewer.
    struct DetailModel {
        var entry: Entry

        static func load(
            _ id: UUID, viewer: Viewer, today: CalendarDate, catalogue: OpportunityCatalogue, on reads: Reads
        ) async throws -> DetailModel {
            guard let item = try await OpportunitiesStore.find(id, on: reads) else { throw SiteError.notFound }
            let keeper = try await OpportunitiesStore.keeper(viewer.personID, isHRAdministrator: viewer.isHRAdministrator, on: reads)
            // A closed opportunity is still shown to whoever follows a link to it, and to its keepers.
            let profile = try await OpportunitiesStore.ownProfile(of: viewer.personID, on: reads)
            let why = OpportunityRanking.rank(words: [(item.opportunity, item.words)], for: profile, today: today).first?.why
            let names = try await OpportunitiesStore.names(
                units: Set([item.unitID].compactMap { $0 }), people: Set([item.contactID].compactMap { $0 }), on: reads)
            return DetailModel(
                entry: Entry(
                    item: item, unitName: item.unitID.flatMap { names.units[$0] }, contactName: item.contactID.flatMap { names.people[$0] },
                    why: why, mayKeep: keeper.mayKeep(unitID: item.unitID),
                    stories: stories(storyWords(try await StoriesStore.published(on: reads)), matching: item, limit: 3)))
        }
    }

    /// Adding or changing an opportunity.
    struct FormModel {
        var keeper: CatalogueKeeper
        /// The units the keeper may choose: every unit for HR administrators, their own for a manager.
        var units: [(id: UUID, path: String)]
        var existing: CatalogueItem?

        static func load(viewer: Viewer, existing: CatalogueItem?, on reads: Reads) async throws -> FormModel {
            let keeper = try await OpportunitiesStore.keeper(viewer.personID, isHRAdministrator: viewer.isHRAdministrator, on: reads)
            if let existing { guard keeper.mayKeep(unitID: existing.unitID) else { throw SiteError.forbidden } }
            guard keeper.mayAdd else { throw SiteError.forbidden }
            let units = try await OpportunitiesStore.units(on: reads).filter { keeper.isHRAdministrator || $0.id == keeper.unitID }
            return FormModel(keeper: keeper, units: units, existing: existing)
        }
    }

    struct Form: Content {
        var kind: String?
        var title: String?
        var description: String?
        var skills: String?
        var tags: String?
        var unit: String?
        var contact: String?
        var closes_on: String?

        init() {}

        init(_ item: CatalogueItem, contactEmail: String?) {
            kind = item.opportunity.kind.rawValue
            title = item.opportunity.title
            description = item.opportunity.description
            skills = item.opportunity.skills.joined(separator: ", ")
            tags = item.opportunity.tags.joined(separator: ", ")
            unit = item.unitID?.uuidString ?? ""
            contact = contactEmail ?? ""
            closes_on = item.opportunity.closesOn?.iso ?? ""
        }

        /// The unit chosen, checked against what the keeper may choose: "" is the whole organisation,
        /// for HR administrators only.
        func unitID(in model: FormModel, problems: inout FieldProblems) -> UUID? {
            let text = (unit ?? "").trimmed()
            if text.isEmpty {
                if !model.keeper.isHRAdministrator { problems.add("unit", "Choose your unit") }
                return nil
            }
            guard let id = UUID(uuidString: text), model.units.contains(where: { $0.id == id }) else {
                problems.add(
                    "unit",
                    model.keeper.isHRAdministrator ? "Choose a unit from the list" : "You can add opportunities for your own unit only")
                return nil
            }
            return id
        }
    }
}
