import Foundation

/// A checkpoint's theme figures as published (SPEC §5; decision 0021): computed, protected and
/// stored once, when the checkpoint's reporting period ends, and never changed after. Every theme
/// view and download reads a release, never the live reports, so what anyone was ever shown of a
/// checkpoint is part of one protected table, whatever reports arrive later, whoever becomes a
/// director, however the units or the threshold change.
public struct ThemeRelease: Codable, Sendable, Equatable {
    /// A unit as it was when the figures were published.
    public struct Unit: Codable, Sendable, Equatable {
        public var id: UUID
        public var name: String
        public var parent: Int?

        public init(id: UUID, name: String, parent: Int?) {
            self.id = id
            self.name = name
            self.parent = parent
        }
    }

    public struct Theme: Codable, Sendable, Equatable {
        public var id: UUID
        public var name: String

        public init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// A line manager's report as it went into the figures.
    public struct Report: Codable, Sendable, Equatable {
        public var managerID: UUID
        public var managerName: String
        /// The unit it was counted in; nil for the organisation itself.
        public var unit: Int?
        public var people: Int
        /// Its note, kept only when the report draws on at least the threshold.
        public var note: String?
        /// How many of its people raised each theme, by theme id (left out of what is stored).
        public var counts: [UUID: Int]

        public init(managerID: UUID, managerName: String, unit: Int?, people: Int, note: String?, counts: [UUID: Int]) {
            self.managerID = managerID
            self.managerName = managerName
            self.unit = unit
            self.people = people
            self.note = note
            self.counts = counts
        }

        enum CodingKeys: String, CodingKey { case managerID, managerName, unit, people, note }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            managerID = try c.decode(UUID.self, forKey: .managerID)
            managerName = try c.decode(String.self, forKey: .managerName)
            unit = try c.decodeIfPresent(Int.self, forKey: .unit)
            people = try c.decode(Int.self, forKey: .people)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            counts = [:]
        }

        /// What is stored is the protected figures, not what each report said.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(managerID, forKey: .managerID)
            try c.encode(managerName, forKey: .managerName)
            try c.encodeIfPresent(unit, forKey: .unit)
            try c.encode(people, forKey: .people)
            try c.encodeIfPresent(note, forKey: .note)
        }
    }

    public struct Figure: Codable, Sendable, Equatable {
        public var value: Int
        public var visibility: DisclosureTable.Visibility

        public init(value: Int, visibility: DisclosureTable.Visibility) {
            self.value = value
            self.visibility = visibility
        }

        /// What may be shown of it: its value only when shown (or when nothing is drawn from anyone).
        /// Whatever the reason a figure is held back, it is published as one thing, `.withheld`:
        /// "fewer than 5" would say it is at least one, and two such figures beside a total can then
        /// give each other away (1 + 1 = 2).
        public var published: Figure {
            visibility == .shown || visibility == .empty ? self : Figure(value: 0, visibility: .withheld)
        }

        enum CodingKeys: String, CodingKey { case v, s }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            value = try c.decode(Int.self, forKey: .v)
            let stored = try c.decode(DisclosureTable.Visibility.self, forKey: .s)
            visibility = stored == .tooFew ? .withheld : stored
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .v)
            try c.encode(visibility, forKey: .s)
        }
    }

    /// One theme's figures: each unit with everything below it, the organisation, each report.
    public struct Table: Codable, Sendable, Equatable {
        public var units: [Figure]
        public var organisation: Figure
        public var reports: [Figure]
    }

    public var checkpointID: UUID
    public var threshold: Int
    public var themes: [Theme]
    public var units: [Unit]
    public var reports: [Report]
    /// People the reports draw on, and how many reports, in each unit with everything below it.
    public var unitPeople: [Int]
    public var unitReports: [Int]
    public var organisationPeople: Int
    public var organisationReports: Int
    /// One table for each theme, in `themes` order.
    public var tables: [Table]

    /// The day after which a checkpoint's figures are published: its window's last day plus the
    /// reporting period HR administrators set.
    public static func lastReportingDay(closes: CalendarDate, reportingDays: Int) -> CalendarDate {
        closes.adding(days: reportingDays)
    }

    public static let reportingDays = 0...60
    public static let standardReportingDays = 14

    /// Works the figures out and protects them. Every report's writer is counted as knowing their
    /// own report, whatever their role today: anyone may be a director tomorrow, and the release
    /// never changes (decision 0021). Held-back figures keep no value.
    public static func make(
        checkpointID: UUID, threshold: AnonymityThreshold, themes: [Theme], units: [Unit], reports unsorted: [Report]
    ) -> ThemeRelease {
        let reports = unsorted.sorted { ($0.unit ?? -1, $0.managerID.uuidString) < ($1.unit ?? -1, $1.managerID.uuidString) }
        let root = units.count
        var parents: [Int?] = units.map { $0.parent ?? root }
        parents.append(nil)
        for report in reports { parents.append(report.unit ?? root) }
        var tables: [Table] = []
        var people = Array(repeating: 0, count: root + 1)
        let peopleTable = DisclosureTable(
            nodes: parents.enumerated().map { index, parent in
                index > root ? .init(parent: parent, people: reports[index - root - 1].people) : .init(parent: parent)
            })
        people = (0...root).map { peopleTable.nodes[$0].people }
        for theme in themes {
            var nodes = parents.map { DisclosureTable.Node(parent: $0) }
            for (offset, report) in reports.enumerated() {
                nodes[root + 1 + offset] = .init(
                    parent: parents[root + 1 + offset], value: report.counts[theme.id] ?? 0, people: report.people, author: report.managerID
                )
            }
            let table = DisclosureTable(nodes: nodes)
            let shown = table.protect(threshold)
            func figure(_ index: Int) -> Figure { Figure(value: table.nodes[index].value, visibility: shown[index]).published }
            tables.append(
                Table(units: (0..<root).map(figure), organisation: figure(root), reports: reports.indices.map { figure(root + 1 + $0) }))
        }
        var reportCounts = Array(repeating: 0, count: root + 1)
        for report in reports {
            var at: Int? = report.unit ?? root
            while let index = at {
                reportCounts[index] += 1
                at = index == root ? nil : (units[index].parent ?? root)
            }
        }
        let kept = reports.map { report in
            var report = report
            if report.people < threshold.people { report.note = nil }
            if report.note?.isEmpty == true { report.note = nil }
            report.counts = [:]
            return report
        }
        return ThemeRelease(
            checkpointID: checkpointID, threshold: threshold.people, themes: themes, units: units, reports: kept,
            unitPeople: Array(people.prefix(root)), unitReports: Array(reportCounts.prefix(root)), organisationPeople: people[root],
            organisationReports: reportCounts[root], tables: tables)
    }
}
