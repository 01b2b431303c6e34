import Foundation

/// The stages of a career conversation (seed 003), in the order they are walked.
public enum ConversationStage: String, CaseIterable, Sendable, Codable {
    case prepare
    case setUp = "set_up"
    case establishTrust = "establish_trust"
    case agreeOutcomes = "agree_outcomes"
    case explore
    case shareInformation = "share_information"
    case agreeActions = "agree_actions"
    case close

    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}

/// The words Foothold suggests: preparation questions for each side, the eight stages with their
/// tips and example questions, and question sets for the start, middle and end of the year.
/// HR administrators edit it, and can export and import it as JSON.
public struct QuestionBank: Sendable, Equatable, Codable {
    public struct Stage: Sendable, Equatable, Codable {
        public var stage: ConversationStage
        public var title: String
        public var tip: String
        public var questions: [String]

        public init(stage: ConversationStage, title: String, tip: String, questions: [String]) {
            self.stage = stage
            self.title = title
            self.tip = tip
            self.questions = questions
        }
    }

    public var version = 1
    /// The wording of each preparation question, by field.
    public var preparation: [PreparationField: String]
    public var stages: [Stage]
    /// Suggested questions for checkpoint conversations at each point of the year.
    public var checkpoints: [CheckpointStage: [String]]

    public init(preparation: [PreparationField: String], stages: [Stage], checkpoints: [CheckpointStage: [String]]) {
        self.preparation = preparation
        self.stages = stages
        self.checkpoints = checkpoints
    }

    public func stage(_ stage: ConversationStage) -> Stage? { stages.first { $0.stage == stage } }

    public func wording(for field: PreparationField) -> String { preparation[field] ?? field.rawValue }

    // MARK: JSON

    enum CodingKeys: String, CodingKey { case version, preparation, stages, checkpoints }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        let rawPreparation = try container.decode([String: String].self, forKey: .preparation)
        var preparation: [PreparationField: String] = [:]
        for (key, value) in rawPreparation {
            guard let field = PreparationField(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .preparation, in: container, debugDescription: "'\(key)' is not a preparation question Foothold knows")
            }
            preparation[field] = value
        }
        self.preparation = preparation
        stages = try container.decode([Stage].self, forKey: .stages)
        let rawCheckpoints = try container.decode([String: [String]].self, forKey: .checkpoints)
        var checkpoints: [CheckpointStage: [String]] = [:]
        for (key, value) in rawCheckpoints {
            guard let stage = CheckpointStage(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .checkpoints, in: container, debugDescription: "'\(key)' is not start, mid or end")
            }
            checkpoints[stage] = value
        }
        self.checkpoints = checkpoints
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(Dictionary(uniqueKeysWithValues: preparation.map { ($0.key.rawValue, $0.value) }), forKey: .preparation)
        try container.encode(stages, forKey: .stages)
        try container.encode(Dictionary(uniqueKeysWithValues: checkpoints.map { ($0.key.rawValue, $0.value) }), forKey: .checkpoints)
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try! encoder.encode(self)
    }

    /// Reads a bank from JSON and checks it is complete, or says what is wrong in plain words.
    public static func parse(_ data: Data) -> Result<QuestionBank, FieldProblems> {
        var problems = FieldProblems()
        let bank: QuestionBank
        do {
            bank = try JSONDecoder().decode(QuestionBank.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            problems.add(
                "file",
                context.codingPath.isEmpty
                    ? "The file is not valid JSON (\(context.underlyingError.map { ($0 as NSError).localizedDescription } ?? context.debugDescription))"
                    : "\(path(context.codingPath)): \(context.debugDescription)")
            return .failure(problems)
        } catch let DecodingError.keyNotFound(key, context) {
            problems.add("file", "\(path(context.codingPath + [key])) is missing")
            return .failure(problems)
        } catch let DecodingError.typeMismatch(_, context) {
            problems.add("file", "\(path(context.codingPath)) has the wrong kind of value: \(context.debugDescription)")
            return .failure(problems)
        } catch let DecodingError.valueNotFound(_, context) {
            problems.add("file", "\(path(context.codingPath)) is empty")
            return .failure(problems)
        } catch {
            problems.add("file", "The file could not be read as a question bank")
            return .failure(problems)
        }
        let validated = bank.validated()
        return validated.isEmpty ? .success(bank) : .failure(validated)
    }

    /// Everything a usable bank needs: a wording for every preparation question, the eight stages
    /// once each with a tip, and questions for each point of the year.
    public func validated() -> FieldProblems {
        var problems = FieldProblems()
        for field in PreparationField.allCases where (preparation[field] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            problems.add("preparation.\(field.rawValue)", "The preparation question \(field.rawValue) has no wording")
        }
        for stage in ConversationStage.allCases {
            let matching = stages.filter { $0.stage == stage }
            if matching.isEmpty { problems.add("stages.\(stage.rawValue)", "The stage \(stage.rawValue) is missing") }
            if matching.count > 1 {
                problems.add("stages.\(stage.rawValue)", "The stage \(stage.rawValue) appears \(matching.count) times")
            }
            if let first = matching.first {
                if first.title.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.add("stages.\(stage.rawValue).title", "The stage \(stage.rawValue) has no title")
                }
                if first.tip.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.add("stages.\(stage.rawValue).tip", "The stage \(stage.rawValue) has no tip")
                }
            }
        }
        for stage in CheckpointStage.allCases where (checkpoints[stage] ?? []).isEmpty {
            problems.add("checkpoints.\(stage.rawValue)", "There are no questions for the \(stage.title.lowercased()) checkpoints")
        }
        let everything =
            Array(preparation.values) + stages.flatMap { [$0.title, $0.tip] + $0.questions } + checkpoints.values.flatMap { $0 }
        if let long = everything.first(where: { $0.count > 1_000 }) {
            problems.add("file", "A question or tip is longer than 1,000 characters: “\(long.prefix(40))…”")
        }
        return problems
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
}
