import Fluent
import SQLKit

/// People lists are ordered by name, then email; with both in one index a page of the directory
/// or the HR people list reads fifty rows in order instead of sorting 50,000.
package struct M008_IndexPeopleByNameAndEmail: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "people_name_email_idx").on(PersonModel.schema).column("name").column("email").run()
        try await sql.drop(index: "people_name_idx").run()
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "people_name_idx").on(PersonModel.schema).column("name").run()
        try await sql.drop(index: "people_name_email_idx").run()
    }
}
