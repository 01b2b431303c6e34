import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Career years and their checkpoints, the theme list and the question bank, with the defaults.
package struct M003_CreateCareerYears: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(CareerYearModel.schema)
            .id()
            .field("start_year", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "start_year")
            .create()
        try await database.schema(CheckpointModel.schema)
            .id()
            .field("career_year_id", .uuid, .required, .references(CareerYearModel.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("opens", .string, .required)
            .field("closes", .string, .required)
            .field("suggested_minutes", .int, .required)
            .field("focus", .string, .required)
            .field("stage", .string, .required)
            .create()
        try await database.schema(ThemeModel.schema)
            .id()
            .field("name", .string, .required)
            .field("position", .int, .required)
            .field("active", .bool, .required)
            .unique(on: "name")
            .create()
        try await database.schema(QuestionBankModel.schema)
            .id()
            .field("document", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "checkpoints_career_year_id_idx").on(CheckpointModel.schema).column("career_year_id").run()

        for (position, name) in DefaultThemes.names.enumerated() {
            let theme = ThemeModel()
            theme.name = name
            theme.position = position
            theme.isActive = true
            try await theme.create(on: database)
        }
        let bank = QuestionBankModel()
        bank.document = String(decoding: QuestionBank.standard.json(), as: UTF8.self)
        bank.updatedAt = Date()
        try await bank.create(on: database)
    }

    package func revert(on database: any Database) async throws {
        for schema in [QuestionBankModel.schema, ThemeModel.schema, CheckpointModel.schema, CareerYearModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
