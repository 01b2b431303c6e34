import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Career years as stored. The year that holds today is created with the standard checkpoints the
/// first time anyone needs it; HR administrators change its checkpoints and open the next one.
package enum CareerYears {
    package struct Stored {
        package var id: UUID
        package var year: CareerYear
    }

    package static func load(startYear: Int, on reads: Reads) async throws -> Stored? {
        let rows = try await reads.rows(
            """
            SELECT y.id AS year_id, y.start_year AS year_start_year, \(unsafeRaw: Checkpoint.columns("k")) \
            FROM career_years y LEFT JOIN checkpoints k ON k.career_year_id = y.id WHERE y.start_year = \(bind: startYear)
            """)
        return try years(from: rows)[startYear]
    }

    /// The years in rows that select `y.id AS year_id, y.start_year AS year_start_year` and a
    /// year's checkpoints as `k` (a LEFT JOIN: a year with none has one row of nulls), by start year.
    /// A row whose year is null is skipped, so the years can ride on another read.
    package static func years(from rows: [any SQLRow]) throws -> [Int: Stored] {
        var found: [Int: (id: UUID, checkpoints: [Checkpoint])] = [:]
        for row in rows where !(try row.decodeNil(column: "year_id")) {
            let startYear = try row.decode(column: "year_start_year", as: Int.self)
            var year = try found[startYear] ?? (row.decode(column: "year_id", as: UUID.self), [])
            if let checkpoint = try Checkpoint.readOptional(row, "k") { year.checkpoints.append(checkpoint) }
            found[startYear] = year
        }
        var years: [Int: Stored] = [:]
        for (startYear, year) in found {
            years[startYear] = Stored(id: year.id, year: CareerYear(startYear: startYear, checkpoints: year.checkpoints))
        }
        return years
    }

    /// The career year that holds `today`, created with the standard checkpoints if it is not there yet.
    package static func current(today: CalendarDate, on reads: Reads, now: Date) async throws -> Stored {
        let startYear = CareerYear.startYear(containing: today)
        if let stored = try await load(startYear: startYear, on: reads) { return stored }
        do {
            return try await create(CareerYear.standard(startingIn: startYear), on: reads.database, now: now)
        } catch {
            // Another request may have created it at the same moment.
            if let stored = try await load(startYear: startYear, on: reads) { return stored }
            throw error
        }
    }

    /// Every stored year, newest first.
    package static func all(on database: any Database) async throws -> [Int] {
        try await CareerYearModel.query(on: database).sort(\.$startYear, .descending).all().map(\.startYear)
    }

    @discardableResult
    package static func create(_ year: CareerYear, on database: any Database, now: Date) async throws -> Stored {
        try await database.transaction { database in
            let model = CareerYearModel()
            model.startYear = year.startYear
            model.createdAt = now
            try await model.create(on: database)
            var checkpoints: [Checkpoint] = []
            for checkpoint in year.checkpoints {
                let row = CheckpointModel()
                row.id = checkpoint.id
                row.$careerYear.id = model.id!
                row.update(from: checkpoint)
                try await row.create(on: database)
                checkpoints.append(checkpoint)
            }
            return Stored(id: model.id!, year: CareerYear(startYear: year.startYear, checkpoints: checkpoints))
        }
    }

    /// The year after `year`: the same checkpoints, a year later.
    package static func following(_ year: CareerYear) -> CareerYear {
        CareerYear(
            startYear: year.startYear + 1,
            checkpoints: year.checkpoints.map { checkpoint in
                func later(_ date: CalendarDate) -> CalendarDate {
                    let day = min(date.day, CalendarDate.days(inMonth: date.month, year: date.year + 1))
                    // The end of February moves with leap years.
                    let lastOfFebruary = date.month == 2 && date.day == CalendarDate.days(inMonth: 2, year: date.year)
                    return CalendarDate(
                        year: date.year + 1, month: date.month,
                        day: lastOfFebruary ? CalendarDate.days(inMonth: 2, year: date.year + 1) : day)!
                }
                return Checkpoint(
                    name: checkpoint.name, opens: later(checkpoint.opens), closes: later(checkpoint.closes),
                    suggestedMinutes: checkpoint.suggestedMinutes, focus: checkpoint.focus, stage: checkpoint.stage)
            })
    }
}
