import Foundation

/// Checks a people CSV against itself and against the people already in Foothold, and says exactly
/// what importing it would do. Nothing here writes anything: the whole file is checked first, and
/// a file with any problem is refused whole.
public enum PeopleImport {
    public static let requiredColumns = ["email", "name", "job_title", "unit", "manager_email", "leadership_team", "hr_admin"]
    public static let optionalColumns = ["unit_head"]
    static let maximumTextLength = 200

    /// One person as the file describes them, checked and in normal form.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var email: String
        public var name: String
        public var jobTitle: String
        public var unit: UnitPath
        public var managerEmail: String?
        public var isLeadershipTeam: Bool
        public var isHRAdministrator: Bool
        public var isUnitHead: Bool?

        public init(
            line: Int, email: String, name: String, jobTitle: String, unit: UnitPath, managerEmail: String?,
            isLeadershipTeam: Bool, isHRAdministrator: Bool, isUnitHead: Bool? = nil
        ) {
            self.line = line
            self.email = email
            self.name = name
            self.jobTitle = jobTitle
            self.unit = unit
            self.managerEmail = managerEmail
            self.isLeadershipTeam = isLeadershipTeam
            self.isHRAdministrator = isHRAdministrator
            self.isUnitHead = isUnitHead
        }
    }

    /// Something in the file that stops the import, with where to find it.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var field: String?
        public var message: String

        public init(line: Int, field: String? = nil, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }

        public var description: String {
            if let field { return "Line \(line), \(field): \(message)" }
            return "Line \(line): \(message)"
        }
    }

    /// Something worth knowing that does not stop the import.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public var line: Int?
        public var message: String

        public init(line: Int? = nil, message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { line.map { "Line \($0): \(message)" } ?? message }
    }

    /// A person Foothold already holds, as far as checking a file needs to know them.
    public struct ExistingPerson: Sendable, Equatable {
        public var email: String
        public var name: String
        public var managerEmail: String?
        public var unit: UnitPath?
        public var isActive: Bool

        public init(email: String, name: String, managerEmail: String?, unit: UnitPath?, isActive: Bool) {
            self.email = EmailAddress.normalised(email)
            self.name = name
            self.managerEmail = managerEmail.map(EmailAddress.normalised)
            self.unit = unit
            self.isActive = isActive
        }
    }

    /// What importing the file will do.
    public struct Plan: Sendable, Equatable {
        public var rows: [Row]
        /// For each unit that has people in the file: who heads it, by email, or nil for no head.
        public var unitHeads: [UnitPath: String?]
        /// Active people missing from the file who will be deactivated (only with that option).
        public var deactivate: [String]
        public var warnings: [Warning]
    }

    public struct Failure: Error, Sendable, Equatable {
        public var problems: [Problem]
        public var warnings: [Warning]
    }

    /// Whether two spellings name the same person: case, spaces and accents aside.
    static func sameName(_ a: String, _ b: String) -> Bool {
        func folded(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: \.isWhitespace).joined(
                separator: " ")
        }
        return folded(a) == folded(b)
    }

    public static func plan(csv text: String, existing: [ExistingPerson], deactivateMissing: Bool) -> Result<Plan, Failure> {
        var problems: [Problem] = []
        var warnings: [Warning] = []

        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            return .failure(Failure(problems: [Problem(line: error.line, message: error.message)], warnings: []))
        }
        guard let header = table.records.first else {
            return .failure(
                Failure(
                    problems: [
                        Problem(
                            line: 1,
                            message: "the file is empty; its first line should name the columns \(requiredColumns.joined(separator: ","))")
                    ], warnings: []))
        }

        // The header.
        var column: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmed(newlines: false).lowercased()
            if column[name] != nil {
                problems.append(Problem(line: header.line, field: name, message: "this column appears more than once"))
            } else if requiredColumns.contains(name) || optionalColumns.contains(name) {
                column[name] = index
            } else {
                warnings.append(Warning(line: header.line, message: "the column '\(raw)' is not one Foothold uses, so it was ignored"))
            }
        }
        for name in requiredColumns where column[name] == nil {
            problems.append(
                Problem(
                    line: header.line, field: name,
                    message: "this column is missing; the columns are \(requiredColumns.joined(separator: ",")) and optionally unit_head"))
        }
        if !problems.isEmpty { return .failure(Failure(problems: problems, warnings: warnings)) }
        let hasUnitHeadColumn = column["unit_head"] != nil

        // Each row on its own.
        var rows: [Row] = []
        var lineOfEmail: [String: Int] = [:]
        var managerReferences: [(line: Int, manager: String)] = []
        // Every row's reporting line and name, even on rows with other problems, so that a loop
        // through a faulty row is found in the same pass as the fault.
        var managerOfRow: [String: String] = [:]
        var nameOfRow: [String: (line: Int, name: String)] = [:]
        for record in table.records.dropFirst() {
            let line = record.line
            guard record.fields.count == header.fields.count else {
                problems.append(
                    Problem(
                        line: line,
                        message:
                            "this row has \(record.fields.count) fields but the header has \(header.fields.count); check for a missing or extra comma"
                    ))
                continue
            }
            func value(_ name: String) -> String {
                record.fields[column[name]!].trimmed()
            }
            var rowIsSound = true
            // A NUL or another control character (often pasted in from another program) can be
            // stored by neither database as text; no one's name or email holds one.
            for (name, index) in column.sorted(by: { $0.value < $1.value })
            where record.fields[index].unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                problems.append(
                    Problem(
                        line: line, field: name,
                        message: "contains an invisible control character (such as a NUL or a line break); remove it"))
                rowIsSound = false
            }
            func required(_ name: String) -> String {
                let text = value(name)
                if text.isEmpty {
                    problems.append(Problem(line: line, field: name, message: "a value is required"))
                    rowIsSound = false
                } else if text.count > maximumTextLength {
                    problems.append(Problem(line: line, field: name, message: "is longer than \(maximumTextLength) characters"))
                    rowIsSound = false
                }
                return text
            }
            func flag(_ name: String) -> Bool {
                let text = value(name)
                switch text.lowercased() {
                case "yes", "true", "1", "y": return true
                case "no", "false", "0", "n", "": return false
                default:
                    problems.append(
                        Problem(line: line, field: name, message: "'\(text)' is not yes or no (write yes/no, true/false or 1/0)"))
                    rowIsSound = false
                    return false
                }
            }

            let rawEmail = value("email")
            let email = EmailAddress.normalised(rawEmail)
            if rawEmail.isEmpty {
                problems.append(Problem(line: line, field: "email", message: "a value is required"))
                rowIsSound = false
            } else if let problem = EmailAddress.problem(with: rawEmail) {
                problems.append(Problem(line: line, field: "email", message: "\(problem)"))
                rowIsSound = false
            } else if let first = lineOfEmail[email] {
                problems.append(Problem(line: line, field: "email", message: "\(email) appears more than once (also on line \(first))"))
                rowIsSound = false
            } else {
                lineOfEmail[email] = line
            }
            let name = required("name")
            let emailIsUsable = !rawEmail.isEmpty && EmailAddress.problem(with: rawEmail) == nil && lineOfEmail[email] == line
            if emailIsUsable { nameOfRow[email] = (line, name) }
            let jobTitle = required("job_title")
            let unitText = required("unit")
            var unit: UnitPath?
            if !unitText.isEmpty {
                unit = UnitPath(parsing: unitText)
                if unit == nil {
                    problems.append(
                        Problem(
                            line: line, field: "unit",
                            message:
                                "'\(unitText)' has an empty unit name; write units from the top down with a slash between them, such as Ridgeway/Housing/Planning"
                        ))
                    rowIsSound = false
                } else if let long = unit!.names.first(where: { $0.count > 100 }) {
                    problems.append(
                        Problem(line: line, field: "unit", message: "the unit name '\(long.prefix(30))…' is longer than 100 characters"))
                    rowIsSound = false
                }
            }
            let rawManager = value("manager_email")
            var managerEmail: String?
            if !rawManager.isEmpty {
                if let problem = EmailAddress.problem(with: rawManager) {
                    problems.append(Problem(line: line, field: "manager_email", message: problem))
                    rowIsSound = false
                } else {
                    managerEmail = EmailAddress.normalised(rawManager)
                    managerReferences.append((line, managerEmail!))
                    if managerEmail == email {
                        problems.append(
                            Problem(
                                line: line, field: "manager_email", message: "is this person's own email; someone cannot manage themselves")
                        )
                        rowIsSound = false
                    } else if emailIsUsable {
                        managerOfRow[email] = managerEmail
                    }
                }
            }
            let isLeadershipTeam = flag("leadership_team")
            let isHRAdministrator = flag("hr_admin")
            let isUnitHead: Bool? = hasUnitHeadColumn ? flag("unit_head") : nil
            if rowIsSound, let unit {
                rows.append(
                    Row(
                        line: line, email: email, name: name, jobTitle: jobTitle, unit: unit, managerEmail: managerEmail,
                        isLeadershipTeam: isLeadershipTeam, isHRAdministrator: isHRAdministrator, isUnitHead: isUnitHead))
            }
        }
        if table.records.count == 1 {
            problems.append(Problem(line: header.line, message: "the file names its columns but holds no people"))
        }

        // Rows against each other and against the people already in Foothold.
        let existingByEmail = Dictionary(existing.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
        let rowByEmail = Dictionary(rows.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
        let staying: [ExistingPerson] = deactivateMissing ? [] : existing.filter { $0.isActive && nameOfRow[$0.email] == nil }
        // A leaver's email is theirs: someone else given it would inherit their records.
        for (email, row) in nameOfRow.sorted(by: { $0.value.line < $1.value.line }) {
            guard let known = existingByEmail[email], !known.isActive, !row.name.isEmpty,
                Self.sameName(known.name, row.name) == false
            else { continue }
            problems.append(
                Problem(
                    line: row.line, field: "email",
                    message:
                        "\(email) belonged to \(known.name), who has left. Someone else cannot take over their records: give \(row.name) an email address of their own (if \(known.name) has come back, write their name as Foothold knew it)"
                ))
        }
        // Every row's manager, even on rows with other problems, so that all are listed at once.
        for (line, manager) in managerReferences where lineOfEmail[manager] == nil {
            if let known = existingByEmail[manager] {
                if !known.isActive {
                    problems.append(
                        Problem(
                            line: line, field: "manager_email",
                            message: "\(manager) (\(known.name)) has left and is no longer active in Foothold"))
                } else if deactivateMissing {
                    problems.append(
                        Problem(
                            line: line, field: "manager_email",
                            message:
                                "\(manager) (\(known.name)) is not in this file, and people missing from the file are being deactivated"))
                }
            } else {
                problems.append(
                    Problem(line: line, field: "manager_email", message: "no one with the email \(manager) is in this file or in Foothold"))
            }
        }

        var managerOf: [String: String] = [:]
        for person in staying { if let manager = person.managerEmail { managerOf[person.email] = manager } }
        for (email, manager) in managerOfRow { managerOf[email] = manager }
        for cycle in ReportingLines.cycles(in: managerOf) {
            let linesInFile = cycle.compactMap { nameOfRow[$0]?.line }
            guard let line = linesInFile.min() else { continue }
            func label(_ email: String) -> String {
                let name = nameOfRow[email].flatMap { $0.name.isEmpty ? nil : $0.name } ?? existingByEmail[email]?.name ?? email
                return "\(name) (\(email))"
            }
            let loop = (cycle + [cycle[0]]).map(label).joined(separator: " → ")
            problems.append(Problem(line: line, field: "manager_email", message: "these reporting lines go round in a loop: \(loop)"))
        }

        // Who heads each unit that has people in the file.
        var unitHeads: [UnitPath: String?] = [:]
        let unitsInFile = Set(rows.map(\.unit))
        var unitOf: [String: UnitPath] = [:]
        for person in staying { if let unit = person.unit { unitOf[person.email] = unit } }
        for row in rows { unitOf[row.email] = row.unit }
        if hasUnitHeadColumn {
            var headLine: [UnitPath: Row] = [:]
            for row in rows where row.isUnitHead == true {
                if let first = headLine[row.unit] {
                    problems.append(
                        Problem(
                            line: row.line, field: "unit_head",
                            message: "\(row.unit) already has a head in this file: \(first.name) on line \(first.line)"))
                } else {
                    headLine[row.unit] = row
                }
            }
            for unit in unitsInFile { unitHeads[unit] = .some(headLine[unit]?.email) }
        } else {
            var members: [UnitPath: [String]] = [:]
            for (email, unit) in unitOf where unitsInFile.contains(unit) { members[unit, default: []].append(email) }
            for unit in unitsInFile.sorted() {
                let candidates = (members[unit] ?? []).filter { email in
                    guard let manager = managerOf[email] else { return true }
                    return unitOf[manager] != unit
                }.sorted()
                if candidates.count == 1 {
                    unitHeads[unit] = .some(candidates[0])
                } else {
                    unitHeads[unit] = .some(nil)
                    let who =
                        candidates.isEmpty
                        ? "no one in it has a manager outside it"
                        : "\(candidates.count) people in it have a manager outside it (\(candidates.prefix(5).joined(separator: ", "))\(candidates.count > 5 ? ", …" : ""))"
                    warnings.append(Warning(message: "\(unit) is left without a head: \(who). Add a unit_head column to say who heads it."))
                }
            }
        }

        if !problems.isEmpty {
            problems.sort { ($0.line, $0.field ?? "") < ($1.line, $1.field ?? "") }
            return .failure(Failure(problems: problems, warnings: warnings))
        }
        let deactivate = deactivateMissing ? existing.filter { $0.isActive && rowByEmail[$0.email] == nil }.map(\.email).sorted() : []
        return .success(Plan(rows: rows, unitHeads: unitHeads, deactivate: deactivate, warnings: warnings))
    }
}
