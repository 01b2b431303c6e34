import Foundation

/// The kinds of opportunity the catalogue holds (SPEC §4).
public enum OpportunityKind: String, CaseIterable, Sendable, Codable {
    case role, project, secondment, course, mentoring, shadowing
    case talkToSomeone = "talk_to_someone"

    public var title: String {
        switch self {
        case .role: "Role"
        case .project: "Project"
        case .secondment: "Secondment"
        case .course: "Course"
        case .mentoring: "Mentoring"
        case .shadowing: "Shadowing"
        case .talkToSomeone: "Someone to talk to"
        }
    }
}

/// An opportunity, as far as ranking cares.
public struct Opportunity: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var kind: OpportunityKind
    public var title: String
    public var description: String
    public var skills: [String]
    public var tags: [String]
    public var closesOn: CalendarDate?

    public init(
        id: UUID, kind: OpportunityKind, title: String, description: String = "", skills: [String] = [], tags: [String] = [],
        closesOn: CalendarDate? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.skills = skills
        self.tags = tags
        self.closesOn = closesOn
    }

    /// Open on `today`: no closing date, or one not yet passed.
    public func isOpen(on today: CalendarDate) -> Bool { closesOn.map { $0 >= today } ?? true }
}

/// What a person has said they want, in their own words: their plan's strengths and interests,
/// the roles that interest them and where they want to be, their development goals, and the
/// interests in their latest preparation.
public struct RankingProfile: Sendable, Equatable {
    public var interests: [String]
    public var roles: [String]
    public var goals: [String]
    public var preparation: [String]

    public init(interests: [String] = [], roles: [String] = [], goals: [String] = [], preparation: [String] = []) {
        self.interests = interests
        self.roles = roles
        self.goals = goals
        self.preparation = preparation
    }

    /// From a plan and the interests written in the latest preparation.
    public init(plan: CareerPlan, preparationInterests: String = "") {
        self.init(
            interests: [plan.fields[CareerPlan.Field.strengths.rawValue] ?? ""],
            roles: [plan.fields[CareerPlan.Field.roles.rawValue] ?? "", plan.fields[CareerPlan.Field.inThreeYears.rawValue] ?? ""],
            goals: plan.goals.map(\.text), preparation: [preparationInterests])
    }
}

/// Ranks open opportunities against what a person wants, deterministically, and says why each
/// matched in the person's own words ("matches your interest in data analysis and your goal to lead
/// a project"). Words are compared after `RankingWords.normalise`: case, plurals, and the British
/// and American spellings of the same word.
public enum OpportunityRanking {
    public enum Source: String, Sendable, Equatable, CaseIterable {
        case goal, role, interest, preparation

        /// A goal or a role named is a stronger signal than a passing interest.
        var weight: Int {
            switch self {
            case .goal, .role: 3
            case .interest, .preparation: 2
            }
        }
    }

    public struct Reason: Sendable, Equatable {
        public var source: Source
        /// The person's own phrase that matched.
        public var phrase: String
        /// The words it shares with the opportunity, normalised.
        public var words: [String]

        public var text: String { text(whose: "your", who: "you") }

        /// The reason about someone else, for their guide: `text(whose: "Freya's", who: "Freya")`.
        public func text(whose: String, who: String) -> String {
            switch source {
            case .goal: whose + " goal to " + RankingWords.lowerFirst(RankingWords.dropLeadingTo(phrase))
            case .role: whose + " interest in roles like " + RankingWords.lowerFirst(phrase)
            case .interest: whose + " interest in " + RankingWords.lowerFirst(phrase)
            case .preparation: "what " + who + " wanted to talk about: " + RankingWords.lowerFirst(phrase)
            }
        }
    }

    public struct Ranked: Sendable, Equatable {
        public var opportunity: Opportunity
        public var score: Int
        /// The strongest first.
        public var reasons: [Reason]

        /// "Matches your interest in data analysis and your goal to lead a project."
        public var why: String { why(whose: "your", who: "you") }

        /// "Matches Freya's interest in data analysis.", for her guide.
        public func why(whose: String, who: String) -> String {
            let shown = reasons.prefix(3).map { $0.text(whose: whose, who: who) }
            guard let last = shown.last else { return "" }
            let joined = shown.count == 1 ? last : shown.dropLast().joined(separator: ", ") + " and " + last
            return "Matches " + joined + "."
        }
    }

    /// An opportunity's words as ranking compares them: its title, skills and tags (strong), and
    /// its description (weak). Worth keeping: a catalogue of thousands is ranked on every visit.
    public struct MatchWords: Sendable, Equatable {
        public var strong: Set<String>
        public var weak: Set<String>

        public init(_ opportunity: Opportunity) {
            strong = RankingWords.contentWords(([opportunity.title] + opportunity.skills + opportunity.tags).joined(separator: " "))
            weak = RankingWords.contentWords(opportunity.description)
        }
    }

    /// A catalogue's opportunities with their words, and for each word the opportunities that
    /// have it (and whether in their title, skills or tags): ranking then scores only the
    /// opportunities that share a word with the person, one word of theirs at a time.
    public struct Index: Sendable {
        public let items: [(Opportunity, MatchWords)]
        let postings: [String: [(item: Int, strong: Bool)]]
        /// Each item's place among equal scores (closing sooner, then title, then id), and its
        /// closing day: a ranking sorts and filters on these, not on the opportunities themselves.
        let tieOrder: [Int]
        let closes: [CalendarDate?]

        public init(_ items: [(Opportunity, MatchWords)]) {
            self.items = items
            var postings: [String: [(item: Int, strong: Bool)]] = [:]
            for (index, item) in items.enumerated() {
                for word in item.1.strong.union(item.1.weak) {
                    postings[word, default: []].append((index, item.1.strong.contains(word)))
                }
            }
            self.postings = postings
            let far = CalendarDate(year: 9999, month: 12, day: 31)!
            let order = items.indices.sorted { a, b in
                let (oa, ob) = (items[a].0, items[b].0)
                if (oa.closesOn ?? far) != (ob.closesOn ?? far) { return (oa.closesOn ?? far) < (ob.closesOn ?? far) }
                if oa.title != ob.title { return oa.title < ob.title }
                return oa.id.sorts(before: ob.id)
            }
            var tieOrder = [Int](repeating: 0, count: items.count)
            for (place, index) in order.enumerated() { tieOrder[index] = place }
            self.tieOrder = tieOrder
            closes = items.map(\.0.closesOn)
        }
    }

    /// The same ranking as `rank(words:for:today:)`, its first `limit` only: every opportunity is
    /// scored from the index, and only those shown are read in full to say why they matched.
    public static func rank(index: Index, for profile: RankingProfile, today: CalendarDate, limit: Int? = nil) -> [Ranked] {
        let phrases = phrases(of: profile)
        var scores = [Int](repeating: 0, count: index.items.count)
        var scored: [Int] = []
        for (source, _, words) in phrases {
            for word in words {
                for posting in index.postings[word] ?? [] {
                    if scores[posting.item] == 0 { scored.append(posting.item) }
                    scores[posting.item] += source.weight * (posting.strong ? 3 : 1)
                }
            }
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            scores[a] != scores[b] ? scores[a] > scores[b] : index.tieOrder[a] < index.tieOrder[b]
        }
        var shown: [Int] = []
        if let limit {
            // The best `limit` only, kept in order as they are found: no sort of every match.
            for item in scored where limit > 0 && (index.closes[item].map { $0 >= today } ?? true) {
                if shown.count == limit {
                    guard before(item, shown[limit - 1]) else { continue }
                    shown.removeLast()
                }
                var place = shown.count
                while place > 0 && before(item, shown[place - 1]) { place -= 1 }
                shown.insert(item, at: place)
            }
        } else {
            shown = scored.filter { index.closes[$0].map { $0 >= today } ?? true }.sorted(by: before)
        }
        return rank(words: shown.map { index.items[$0] }, phrases: phrases, today: today)
    }

    /// What the person wrote, in phrases with their content words, strongest source first.
    static func phrases(of profile: RankingProfile) -> [(Source, String, Set<String>)] {
        [
            profile.goals.flatMap { goal in [(Source.goal, goal)] },
            profile.roles.flatMap { RankingWords.phrases($0).map { (Source.role, $0) } },
            profile.interests.flatMap { RankingWords.phrases($0).map { (Source.interest, $0) } },
            profile.preparation.flatMap { RankingWords.phrases($0).map { (Source.preparation, $0) } },
        ].joined().compactMap { source, phrase in
            let words = RankingWords.contentWords(phrase)
            return words.isEmpty ? nil : (source, phrase.trimmed(newlines: true), words)
        }
    }

    /// The open opportunities that match anything the person wants, best first; ties go to the one
    /// closing sooner, then by title.
    public static func rank(_ opportunities: [Opportunity], for profile: RankingProfile, today: CalendarDate) -> [Ranked] {
        rank(words: opportunities.map { ($0, MatchWords($0)) }, for: profile, today: today)
    }

    /// The same, with each opportunity's words already worked out.
    public static func rank(words opportunities: [(Opportunity, MatchWords)], for profile: RankingProfile, today: CalendarDate) -> [Ranked]
    {
        rank(words: opportunities, phrases: phrases(of: profile), today: today)
    }

    static func rank(words opportunities: [(Opportunity, MatchWords)], phrases: [(Source, String, Set<String>)], today: CalendarDate)
        -> [Ranked]
    {
        var ranked: [Ranked] = []
        for (opportunity, words) in opportunities where opportunity.isOpen(on: today) {
            // Words in the title, skills and tags count three times those in the description.
            let (strong, weak) = (words.strong, words.weak)
            var score = 0
            var reasons: [(Int, Reason)] = []
            var seen = Set<String>()
            for (source, phrase, words) in phrases {
                let matched = words.filter { strong.contains($0) || weak.contains($0) }
                guard !matched.isEmpty else { continue }
                let points = source.weight * matched.reduce(0) { $0 + (strong.contains($1) ? 3 : 1) }
                score += points
                let key = source.rawValue + "|" + phrase.lowercased()
                if seen.insert(key).inserted {
                    reasons.append((points, Reason(source: source, phrase: phrase, words: matched.sorted())))
                }
            }
            guard score > 0 else { continue }
            let ordered = reasons.enumerated().sorted { ($1.element.0, $0.offset) < ($0.element.0, $1.offset) }.map(\.element.1)
            ranked.append(Ranked(opportunity: opportunity, score: score, reasons: ordered))
        }
        return ranked.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let ca = a.opportunity.closesOn ?? CalendarDate(year: 9999, month: 12, day: 31)!
            let cb = b.opportunity.closesOn ?? CalendarDate(year: 9999, month: 12, day: 31)!
            if ca != cb { return ca < cb }
            if a.opportunity.title != b.opportunity.title { return a.opportunity.title < b.opportunity.title }
            return a.opportunity.id.sorts(before: b.opportunity.id)
        }
    }
}

/// Words as ranking compares them.
public enum RankingWords {
    /// Lower case; a plural made singular; British and American spellings made one.
    public static func normalise(_ word: String) -> String {
        shaped(word.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// `normalise` for a word already in lower case, of letters and digits only.
    static func shaped(_ word: String) -> String {
        if let fixed = spellings[word] { return fixed }
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return shapedAnyText(word) }
        // The same steps as `shapedAnyText`, on the bytes of a plain ASCII word.
        func ends(_ suffix: [UInt8]) -> Bool {
            bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
        }
        let n = bytes.count
        if n > 4 && ends(Self.ies) {
            bytes.removeLast(3)
            bytes.append(UInt8(ascii: "y"))
        } else if n > 4 && (ends(Self.sses) || ends(Self.xes) || ends(Self.ches) || ends(Self.shes)) {
            bytes.removeLast(2)
        } else if n > 3 && ends(Self.s) && !ends(Self.ss) && !ends(Self.us) && !ends(Self.is) {
            bytes.removeLast()
        }
        if bytes.count != n, let fixed = spellings[String(decoding: bytes, as: UTF8.self)] { return fixed }
        for (british, american) in endingBytes where bytes.count > british.count + 2 && ends(british) {
            bytes.removeLast(british.count)
            bytes += american
            break
        }
        let shaped = String(decoding: bytes, as: UTF8.self)
        return sameIdea[shaped] ?? shaped
    }

    static let (ies, sses, xes, ches, shes, s, ss, us, `is`) = (
        Array("ies".utf8), Array("sses".utf8), Array("xes".utf8), Array("ches".utf8), Array("shes".utf8), Array("s".utf8),
        Array("ss".utf8), Array("us".utf8), Array("is".utf8)
    )
    static let endingBytes = endings.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func shapedAnyText(_ word: String) -> String {
        var w = word
        if let fixed = spellings[w] { return fixed }
        // Plurals: "opportunities" → "opportunity", "analyses" → "analyse", "courses" → "course".
        if w.count > 4 && w.hasSuffix("ies") {
            w = String(w.dropLast(3)) + "y"
        } else if w.count > 4 && (w.hasSuffix("sses") || w.hasSuffix("xes") || w.hasSuffix("ches") || w.hasSuffix("shes")) {
            w = String(w.dropLast(2))
        } else if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") {
            w = String(w.dropLast())
        }
        if let fixed = spellings[w] { return fixed }
        // British to American endings, so either spelling meets the other.
        for (british, american) in endings where w.count > british.count + 2 && w.hasSuffix(british) {
            w = String(w.dropLast(british.count)) + american
            break
        }
        return sameIdea[w] ?? w
    }

    static let endings = [
        ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"), ("yse", "yze"), ("ysing", "yzing"),
        ("ysed", "yzed"), ("our", "or"), ("ogue", "og"), ("tre", "ter"), ("ence", "ense"),
    ]

    /// Forms of the same idea that plain endings cannot join: "leading", "leader", "leadership" and
    /// "lead"; "analyst" and "analysis". Kept short and checked by the fixture.
    static let sameIdea = [
        "leading": "lead", "leader": "lead", "leadership": "lead", "led": "lead", "manager": "manage", "management": "manage",
        "managing": "manage", "analyst": "analysis", "analyze": "analysis", "analyzing": "analysis", "analytic": "analysis",
        "analytical": "analysis", "programming": "program", "programmer": "program", "coaching": "coach", "mentor": "mentoring",
        "writer": "writing", "write": "writing", "policie": "policy",
    ]

    static let spellings = [
        "programme": "program", "programmes": "program", "learnt": "learned", "colour": "color", "centre": "center",
        "practise": "practice", "licence": "license", "judgement": "judgment", "enrol": "enroll", "travelling": "traveling",
        "modelling": "modeling", "labelling": "labeling", "counselling": "counseling", "grey": "gray",
    ]

    /// The words that say something: normalised, without the small words every sentence has.
    public static func contentWords(_ text: String) -> Set<String> {
        var words = Set<String>()
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // The same as below, byte by byte: most of what people write is plain ASCII, and a
            // catalogue of thousands is worked through on every change.
            var word: [UInt8] = []
            word.reserveCapacity(32)
            func flush() {
                defer { word.removeAll(keepingCapacity: true) }
                guard !word.isEmpty else { return }
                let shaped = shaped(String(decoding: word, as: UTF8.self))
                if shaped.utf8.count >= 2 && !stopWords.contains(shaped) { words.insert(shaped) }
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "'"): continue  // inside a word, as "don't"; normalising drops it
                default: flush()
                }
            }
            flush()
            return words
        }
        for raw in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }) {
            let word = normalise(String(raw))
            if word.count >= 2 && !stopWords.contains(word) { words.insert(word) }
        }
        return words
    }

    /// A person's text in the phrases they wrote it in: split at lines, sentences, commas,
    /// semicolons, "and" and "or".
    public static func phrases(_ text: String) -> [String] {
        var pieces: [String] = []
        let breaks: Set<Character> = [".", ";", ",", "\n", "!", "?"]
        for part in text.split(whereSeparator: { breaks.contains($0) }) {
            let words = part.split(separator: " ")
            var current: [Substring] = []
            for word in words {
                if word.utf8.count <= 3 && ["and", "or", "&"].contains(word.lowercased()) {
                    if !current.isEmpty { pieces.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(word)
                }
            }
            if !current.isEmpty { pieces.append(current.joined(separator: " ")) }
        }
        return pieces.map { trimLead($0.trimmed(newlines: true)) }.filter { !$0.isEmpty }
    }

    /// "I enjoy data analysis" → "data analysis": the phrase as a reason quotes it.
    static func trimLead(_ phrase: String) -> String {
        let leads = [
            "i am interested in ", "i'm interested in ", "i’m interested in ", "interested in ", "i am good at ", "i'm good at ",
            "i’m good at ", "good at ", "i enjoy ", "i like ", "i love ", "enjoy ", "love ",
        ]
        let lower = phrase.lowercased()
        for lead in leads where lower.hasPrefix(lead) { return String(phrase.dropFirst(lead.count)) }
        return phrase
    }

    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        // Keep "I", acronyms and names as written: only a capital followed by a small letter is lowered.
        let second = text.dropFirst().first
        if first.isUppercase, let second, second.isLowercase { return first.lowercased() + text.dropFirst() }
        // "A senior specialist" reads "a senior specialist" inside a sentence; "I" stays.
        if first == "A", second == " " { return "a" + text.dropFirst() }
        return text
    }

    /// "To lead a project" → "lead a project", for "your goal to …".
    static func dropLeadingTo(_ text: String) -> String {
        let lower = text.lowercased()
        return lower.hasPrefix("to ") ? String(text.dropFirst(3)) : text
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "about", "as", "is", "are",
        "be", "been", "it", "its", "my", "me", "i", "we", "our", "you", "your", "they", "their", "this", "that", "these", "those",
        "some", "more", "most", "very", "really", "want", "would", "like", "love", "enjoy", "good", "get", "do", "doing", "have",
        "has", "had", "can", "could", "should", "will", "other", "new", "work", "working", "role", "team", "also", "not", "no",
        "so", "up", "out", "one", "two", "year", "time", "thing", "way", "day", "lot", "bit", "people", "person", "someone", "come",
    ]
}
