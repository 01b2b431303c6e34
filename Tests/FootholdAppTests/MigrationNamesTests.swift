import Fluent
import FootholdCore
import SQLKit
import XCTest

@testable import FootholdApp
@testable import FootholdData

/// Fluent knows a migration by its name: a database records the names of those it has run, and a
/// migration whose name it has not seen runs again. So names never change once shipped, whichever
/// module a migration lives in.
final class MigrationNamesTests: XCTestCase {
    /// The names every database made since the first release has recorded, in order.
    static let shipped = [
        "FootholdApp.M001_CreateOrganisation",
        "FootholdApp.M002_CreateAccounts",
        "FootholdApp.M003_CreateCareerYears",
        "FootholdApp.M004_CreateConversations",
        "FootholdApp.M005_AddHistorySharing",
        "FootholdApp.M006_AddUnitHeadcounts",
        "FootholdApp.M007_IndexConversationsByState",
        "FootholdApp.M008_IndexPeopleByNameAndEmail",
        "FootholdApp.M009_CreatePersonSearchWords",
        "FootholdApp.M010_IndexConversationsByCheckpoint",
        "FootholdApp.M011_IndexConversationsByPair",
        "FootholdApp.M012_AddSharedPrefixToSearchWords",
        "FootholdApp.M013_HardenSignIn",
        "FootholdApp.M014_CreateAuditLog",
        "FootholdApp.M015_NameTheManagerHistoryIsSharedWith",
        "FootholdApp.M016_FollowUp",
        "FootholdApp.M017_AddGuideToActions",
        "FootholdApp.M018_Monitoring",
        "FootholdApp.M019_Opportunities",
        "FootholdApp.M020_CountCatalogueChanges",
        "FootholdApp.M021_Reminders",
        "FootholdApp.M022_IndexConversationsByPersonAndTime",
        "FootholdApp.M023_NoticesOnlyOfLineManagerConversations",
        "FootholdApp.M024_ThemeReleases",
        "FootholdApp.M025_HashCalendarFeedTokens",
        "FootholdApp.M026_StoryVersions",
        "FootholdApp.M027_IndexInvitationsByPerson",
        "FootholdApp.M028_PendingImports",
        "FootholdApp.M029_SingleSignOn",
        "FootholdApp.M030_Provisioning",
    ]

    func testEveryMigrationKeepsTheNameItShippedWith() async throws {
        try await withApp { testApp in
            let recorded = try await testApp.db.sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, created_at, name").all()
                .map { try $0.decode(column: "name", as: String.self) }
            XCTAssertEqual(Set(recorded), Set(Self.shipped))
            XCTAssertEqual(recorded.count, Self.shipped.count)
        }
    }

    /// A database that ran every migration before they moved module is up to date: migrating it
    /// again does nothing, and it serves.
    func testADatabaseMigratedBeforeTheMoveNeedsNothingMore() async throws {
        try await withApp { testApp in
            // As a database made before the move recorded them.
            for name in Self.shipped {
                let suffix = String(name.dropFirst("FootholdApp.".count))
                try await testApp.db.sql.raw(
                    "UPDATE _fluent_migrations SET name = \(bind: name) WHERE name LIKE \(bind: "%." + suffix)"
                ).run()
            }
            try await testApp.app.migrateDatabase()
            let count = try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()?
                .decode(column: "n", as: Int.self)
            XCTAssertEqual(count, Self.shipped.count, "nothing ran a second time")
            let health = try await testApp.browser().get(SiteURL.health.path)
            XCTAssertEqual(health.status, .ok)
        }
    }
}
