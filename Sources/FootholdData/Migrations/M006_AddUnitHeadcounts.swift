import FluentSQL
import Fluent
import SQLKit

/// Each unit keeps how many active people work in it directly and in it and the units below it,
/// so pages never count 50,000 people to show a headcount. The import and the demo refresh them.
package struct M006_AddUnitHeadcounts: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(UnitModel.schema)
            .field("people_direct", .int, .required, .sql(.default(0)))
            .update()
        try await database.schema(UnitModel.schema)
            .field("people_total", .int, .required, .sql(.default(0)))
            .update()
        try await OrganisationWriter.refreshHeadcounts(on: database)
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(UnitModel.schema).deleteField("people_total").update()
        try await database.schema(UnitModel.schema).deleteField("people_direct").update()
    }
}
