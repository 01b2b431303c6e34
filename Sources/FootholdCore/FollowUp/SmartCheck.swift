import Foundation

/// Checks an action against SMART. Deterministic and quick (word lists and a little arithmetic,
/// no model); it advises and never blocks saving (SPEC §3).
public enum SmartCheck {
    /// What the check looks at.
    public struct Action: Sendable, Hashable {
        public var description: String
        /// "How we will know it is done."
        public var successMeasure: String
        public var owner: ActionOwner?
        /// The guide has confirmed an action owned by the guide or the organisation can be delivered.
        public var deliveryConfirmed: Bool
        public var dueOn: CalendarDate?
        /// The day it was written, from which "within 18 months" and dates in words are counted.
        public var writtenOn: CalendarDate
        public var linkedToGoal: Bool
        public var linkedToInfluenceObjective: Bool

        public init(
            description: String, successMeasure: String = "", owner: ActionOwner? = .employee, deliveryConfirmed: Bool = false,
            dueOn: CalendarDate? = nil, writtenOn: CalendarDate, linkedToGoal: Bool = false, linkedToInfluenceObjective: Bool = false
        ) {
            self.description = description
            self.successMeasure = successMeasure
            self.owner = owner
            self.deliveryConfirmed = deliveryConfirmed
            self.dueOn = dueOn
            self.writtenOn = writtenOn
            self.linkedToGoal = linkedToGoal
            self.linkedToInfluenceObjective = linkedToInfluenceObjective
        }
    }

    /// An action may be due at most this many months after it is written.
    public static let furthestMonths = 18

    public static func check(_ action: Action) -> SmartVerdict {
        let words = Words(action.description)
        let quoted = quote(action.description)
        var met = Set<SmartCriterion>()
        var advice: [SmartVerdict.Advice] = []
        func judge(_ criterion: SmartCriterion, _ problem: String?) {
            if let problem {
                advice.append(.init(criterion: criterion, sentence: problem))
            } else {
                met.insert(criterion)
            }
        }
        judge(.specific, specificProblem(words, quoted))
        judge(.measurable, measurableProblem(words, action, quoted))
        judge(.achievable, achievableProblem(words, action, quoted))
        judge(
            .relevant,
            action.linkedToGoal || action.linkedToInfluenceObjective
                ? nil
                : "\(quoted) is not linked to a development goal or to your influence objective: "
                    + "link it to one, so it is clear why it matters."
        )
        judge(
            .timeBound,
            action.dueOn != nil || words.dateInWords != nil
                ? nil
                : "\(quoted) has no due date and no date in its words: "
                    + "add when it will be done, such as \u{201C}by the end of March\u{201D}."
        )
        return SmartVerdict(met: met, advice: advice)
    }

    // MARK: - The five judgements

    private static func specificProblem(_ words: Words, _ quoted: String) -> String? {
        let noVerb = "\(quoted) has no concrete verb or object: what will you do, and what will exist when it is done?"
        guard !words.all.isEmpty else { return "There is nothing written yet: what will you do, and what will exist when it is done?" }
        // "Think about applying", "look into the course", "learn more about": whatever follows,
        // the action commits to nothing anyone could check was done.
        if let lead = words.nonCommittalLead {
            return
                "\(quoted) commits to nothing you could check: \u{201C}\(lead)\u{201D} is not a step. "
                + "Name the step itself, such as applying, booking, reading or asking someone."
        }
        // A concrete step with something to act on, anywhere: "Improve my Excel by completing the
        // Level 2 course" is specific because of its second half.
        var concreteWithoutObject: String?
        for (index, word) in words.all.enumerated() where Lexicon.concreteVerbs.contains(word.lemma) {
            if words.hasObject(after: index) { return nil }
            concreteWithoutObject = concreteWithoutObject ?? word.original
        }
        // A vague verb is forgiven when what it makes is a named thing: "develop a training plan".
        if let first = words.firstVerbIndex, ["develop", "improve"].contains(words.all[first].lemma), words.hasOutput(after: first) {
            return nil
        }
        if let verb = concreteWithoutObject {
            return
                "\(quoted) says what you will do but not to what: "
                + "name the thing you will \(verb.lowercased()), such as which course, document or person."
        }
        if let first = words.firstVerbIndex, Lexicon.vagueVerbs.contains(words.all[first].lemma) {
            let verb = words.all[first].original.capitalisedFirst
            return "\(noVerb) \u{201C}\(verb)\u{201D} names where you want to get to, not a step you can take."
        }
        return noVerb
    }

    private static func measurableProblem(_ words: Words, _ action: Action, _ quoted: String) -> String? {
        if Words(action.successMeasure).all.contains(where: { !Lexicon.stopWords.contains($0.lemma) }) { return nil }
        // A named output, but not the verb itself: "plan my career" names no plan.
        let verb = words.firstVerbIndex
        if words.hasCount || words.all.indices.contains(where: { $0 != verb && Lexicon.outputs.contains(words.all[$0].lemma) }) {
            return nil
        }
        for (index, word) in words.all.enumerated() where Lexicon.completionVerbs.contains(word.lemma) && words.hasObject(after: index) {
            return nil
        }
        return
            "Nothing in \(quoted) can be counted or pointed to: "
            + "add how you will know it is done, such as a number, a certificate, a draft or a booked place."
    }

    private static func achievableProblem(_ words: Words, _ action: Action, _ quoted: String) -> String? {
        guard let owner = action.owner else { return "Nobody owns \(quoted) yet: say who will do it." }
        if owner.needsGuideConfirmation && !action.deliveryConfirmed {
            let who = owner == .guide ? "the guide" : "the organisation"
            return
                "\(quoted) depends on \(who), and the guide has not yet confirmed it can be delivered: "
                + "ask them to confirm, or change it to something they can promise."
        }
        let furthest = adding(months: furthestMonths, to: action.writtenOn)
        if let due = action.dueOn {
            if due < action.writtenOn { return "\(quoted) is due before the day it was written: choose a date still to come." }
            if due > furthest {
                return
                    "\(quoted) is due more than \(furthestMonths) months away: "
                    + "choose a first step you can finish sooner, and plan the rest from there."
            }
        } else if let months = words.dateInWords, months > furthestMonths {
            return
                "\(quoted) looks more than \(furthestMonths) months ahead: "
                + "choose a first step you can finish sooner, and plan the rest from there."
        }
        return nil
    }

    static func adding(months: Int, to date: CalendarDate) -> CalendarDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        return CalendarDate(year: year, month: month, day: min(date.day, CalendarDate.days(inMonth: month, year: year)))!
    }

    /// The action in curly quotes, shortened to a readable length.
    static func quote(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map { $0.trimmed() } ?? ""
        let short = line.count > 60 ? line.prefix(57).trimmed() + "\u{2026}" : line
        return "\u{2018}\(short.capitalisedFirst)\u{2019}"
    }
}

/// An action's words, lower-cased, with each one's dictionary form ("booking" → "book",
/// "organize" → "organise") and small typos forgiven against the word lists.
struct Words {
    struct Word {
        var original: String
        var lemma: String
    }

    let all: [Word]

    /// The text has a date written in figures: "31/3", "15.04.27".
    let hasDateInFigures: Bool

    init(_ text: String) {
        var words: [Word] = []
        var current = ""
        var figures = false
        var previous: Character = " ", beforePrevious: Character = " "
        func flush() {
            if !current.isEmpty { words.append(Word(original: current, lemma: Lexicon.lemma(current))) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isNumber && (previous == "/" || previous == ".") && beforePrevious.isNumber { figures = true }
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if (character == "'" || character == "\u{2019}") && !current.isEmpty {
                // "I'll", "Sam's": one word, read without the apostrophe.
            } else {
                flush()
            }
            beforePrevious = previous
            previous = character
        }
        flush()
        all = words
        hasDateInFigures = figures
    }

    /// Where the first word that is a verb, concrete or vague, stands.
    /// The words an action opens with when they promise only to think, look or try ("Think
    /// about", "Look into", "Learn more"), as written; nil when it opens with a step.
    var nonCommittalLead: String? {
        guard let first = firstVerbIndex, first <= 2 else { return nil }
        let lemma = all[first].lemma
        let next = first + 1 < all.count ? all[first + 1].lemma : ""
        let phrase: Int
        switch (lemma, next) {
        case ("think", _), ("consider", _), ("explore", _), ("try", _), ("hope", _), ("want", _), ("aim", _): phrase = 1
        case ("look", "into"), ("look", "at"), ("learn", "more"): phrase = 2
        case ("find", "out") where first + 2 < all.count && all[first + 2].lemma == "more": phrase = 3
        default: return nil
        }
        let words = all[first..<min(all.count, first + phrase)].map(\.original)
        return words.joined(separator: " ").capitalisedFirst
    }

    var firstVerbIndex: Int? {
        all.firstIndex { Lexicon.concreteVerbs.contains($0.lemma) || Lexicon.vagueVerbs.contains($0.lemma) }
    }

    /// Whether something to act on follows `index` before the next verb: a word that is neither
    /// small nor vague ("my skills", "more", "things" are not).
    func hasObject(after index: Int) -> Bool {
        var position = index + 1
        while position < all.count {
            let lemma = all[position].lemma
            if Lexicon.concreteVerbs.contains(lemma) && position > index + 1 && !Lexicon.nouns.contains(lemma) { return false }
            if !Lexicon.stopWords.contains(lemma) && !Lexicon.vagueObjects.contains(lemma) && !Lexicon.vagueVerbs.contains(lemma) {
                return true
            }
            position += 1
        }
        return false
    }

    /// Whether a named output (a certificate, a presentation, a draft, a booked place) follows `index`.
    func hasOutput(after index: Int) -> Bool {
        all.dropFirst(index + 1).contains { Lexicon.outputs.contains($0.lemma) }
    }

    /// A count: a number that is not part of a date, a number word, or a frequency.
    var hasCount: Bool {
        for (index, word) in all.enumerated() {
            let lemma = word.lemma
            if Lexicon.frequencies.contains(lemma) { return true }
            if Lexicon.timeUnits[lemma] != nil, index > 0, ["every", "each", "per", "a"].contains(all[index - 1].lemma) { return true }
            if Lexicon.numberWords[lemma] != nil,
                lemma != "one" || index + 1 < all.count && !Lexicon.stopWords.contains(all[index + 1].lemma)
            {
                if !isDateNumber(at: index) { return true }
            }
            if let first = lemma.first, first.isNumber, lemma.allSatisfy({ $0.isNumber || $0 == "%" }) {
                if !isDateNumber(at: index) && !(lemma.count == 4 && lemma.hasPrefix("20")) { return true }
            }
        }
        return false
    }

    /// A number next to a month or after "by", "before", "until" is a day, not a count.
    private func isDateNumber(at index: Int) -> Bool {
        let before = index > 0 ? all[index - 1].lemma : ""
        let after = index + 1 < all.count ? all[index + 1].lemma : ""
        if Lexicon.months[before] != nil || Lexicon.months[after] != nil { return true }
        if ["by", "before", "until", "till", "q", "quarter", "week", "level"].contains(before) && Lexicon.timeUnits[after] == nil {
            return true
        }
        // "in three months" is a time, "three times a week" a count.
        if Lexicon.timeUnits[after] != nil && all[max(0, index - 3)..<index].contains(where: { Lexicon.timeLeads.contains($0.lemma) }) {
            return true
        }
        return false
    }

    /// If the words name a time ("by March", "next week", "in the next three months"), roughly
    /// how many months ahead it is (0 for "this week"); nil when they name none.
    var dateInWords: Int? {
        var found: Int?
        func note(_ months: Int) { found = max(found ?? 0, months) }
        for (index, word) in all.enumerated() {
            let lemma = word.lemma
            let before = index > 0 ? all[index - 1].lemma : ""
            let after = index + 1 < all.count ? all[index + 1].lemma : ""
            if let month = Lexicon.months[lemma] {
                // "may" and "march" are also ordinary words: count them as months only beside a
                // date word or a number.
                if lemma == "may" || lemma == "march" {
                    let dateish = [
                        "by", "in", "until", "till", "before", "end", "mid", "early", "late", "of", "from", "during", "next", "this",
                    ]
                    guard dateish.contains(before) || after.first?.isNumber == true || before.first?.isNumber == true else { continue }
                }
                _ = month
                note(1)
            } else if Lexicon.dayWords.contains(lemma) || Lexicon.seasons.contains(lemma) {
                note(lemma == "year" ? 12 : 1)
            } else if let unit = Lexicon.timeUnits[lemma] {
                // "in three months", "within 6 weeks", "next month", "end of the quarter".
                var count: Int?
                if let number = Int(before) {
                    count = number
                } else if let number = Lexicon.numberWords[before] {
                    count = number
                } else if ["next", "this", "coming", "a", "the", "of", "by"].contains(before) {
                    count = 1
                }
                guard let count else { continue }
                let timeContext = all[max(0, index - 4)..<index].contains { Lexicon.timeLeads.contains($0.lemma) }
                if timeContext || ["next", "this", "coming"].contains(before) { note(Int((Double(count) * unit).rounded(.up))) }
            } else if lemma.first == "q", lemma.count == 2, let digit = lemma.last?.wholeNumberValue, (1...4).contains(digit) {
                note(3)
            } else if lemma.count == 4, lemma.hasPrefix("20"), Int(lemma) != nil, Lexicon.timeLeads.contains(before) || before == "of" {
                note(12)
            } else if let first = lemma.first, first.isNumber, ["st", "nd", "rd", "th"].contains(where: { lemma.hasSuffix($0) }) {
                note(1)
            }
        }
        if found == nil && hasDateInFigures { note(1) }
        return found
    }
}

/// The word lists behind the check, in British spelling; American spellings, common inflections
/// and one-letter typos are mapped onto them.
enum Lexicon {
    /// A word's dictionary form. Nothing is kept here: the app keeps each action's verdict
    /// (`StoreCaches`), so a word is looked up again only when an action's words change.
    static func lemma(_ word: String) -> String { lookUp(word) }

    private static func lookUp(_ word: String) -> String {
        var word = word
        if let fixed = spellings[word] { word = fixed }
        if known(word) { return word }
        for candidate in inflections(of: word) where known(candidate) { return candidate }
        // A small typo in a long word: "imporve", "compelte", "presentaion".
        if word.count >= 5, let near = nearest(word) { return near }
        return word
    }

    private static func known(_ word: String) -> Bool { vocabulary.contains(word) }

    private static func inflections(of word: String) -> [String] {
        var forms: [String] = []
        func strip(_ suffix: String, add: [String]) {
            guard word.hasSuffix(suffix), word.count > suffix.count + 2 else { return }
            let stem = String(word.dropLast(suffix.count))
            for ending in add { forms.append(stem + ending) }
            if let last = stem.last, stem.dropLast().last == last { forms.append(String(stem.dropLast())) }
        }
        strip("izing", add: ["ise"])
        strip("ized", add: ["ise"])
        strip("izes", add: ["ise"])
        strip("ize", add: ["ise"])
        strip("yzing", add: ["yse"])
        strip("yze", add: ["yse"])
        strip("ing", add: ["", "e"])
        strip("ied", add: ["y"])
        strip("ies", add: ["y"])
        strip("ed", add: ["", "e"])
        strip("es", add: ["", "e"])
        strip("s", add: [""])
        return forms
    }

    /// A word of the vocabulary one edit away (a letter added, dropped, changed or two swapped).
    /// Only words of the same length or one letter either side are compared.
    private static func nearest(_ word: String) -> String? {
        func search(_ letters: [Character]) -> String? {
            for length in [letters.count, letters.count - 1, letters.count + 1] {
                for candidate in vocabularyByLength[length] ?? [] where withinOneEdit(letters, candidate) { return String(candidate) }
            }
            return nil
        }
        if let found = search(Array(word)) { return found }
        for form in inflections(of: word) where form.count >= 5 {
            if let found = search(Array(form)) { return found }
        }
        return nil
    }

    static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count {
            // At most one letter changed, or two neighbours swapped; no allocation, early exit.
            var first = -1, second = -1
            for index in a.indices where a[index] != b[index] {
                if first < 0 {
                    first = index
                } else if second < 0 {
                    second = index
                } else {
                    return false
                }
            }
            if second < 0 { return true }
            return second == first + 1 && a[first] == b[second] && a[second] == b[first]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count - short.count == 1 else { return false }
        var i = 0, j = 0, skipped = false
        while i < short.count && j < long.count {
            if short[i] == long[j] {
                i += 1
                j += 1
            } else {
                if skipped { return false }
                skipped = true
                j += 1
            }
        }
        return true
    }

    static let spellings: [String: String] = [
        "enroll": "enrol", "enrolled": "enrol", "enrolling": "enrol", "enrollment": "enrolment", "practice": "practise",
        "practicing": "practise", "practiced": "practise", "program": "programme", "programs": "programme", "center": "centre",
        "analyze": "analyse", "organize": "organise", "prioritize": "prioritise", "summarize": "summarise", "finalize": "finalise",
        "licence": "license", "cv's": "cv", "cvs": "cv", "wanna": "want", "gonna": "going", "w": "with",
        "thru": "through", "tho": "though", "mtg": "meeting", "pres": "presentation", "prezi": "presentation", "ppt": "presentation",
        "wk": "week", "wks": "week", "mth": "month", "mths": "month", "mnth": "month", "yr": "year", "yrs": "year",
        "eoy": "year", "sept": "september", "sep": "september",
    ]

    static let concreteVerbs: Set<String> = [
        "read", "write", "draft", "redraft", "book", "attend", "complete", "finish", "apply", "submit", "send", "email", "call",
        "phone", "ask", "arrange", "schedule", "organise", "meet", "shadow", "present", "deliver", "publish", "join", "enrol",
        "register", "sign", "pass", "take", "lead", "run", "chair", "mentor", "coach", "train", "teach", "prepare", "plan",
        "create", "produce", "review", "update", "revise", "share", "visit", "interview", "volunteer", "record", "list", "map",
        "research", "compare", "shortlist", "speak", "talk", "discuss", "contact", "introduce", "learn", "study", "practise",
        "rehearse", "observe", "buy", "order", "request", "agree", "confirm", "nominate", "fund", "approve", "find", "identify",
        "choose", "decide", "pick", "design", "test", "launch", "host", "facilitate", "summarise", "document", "log", "watch",
        "listen", "gain", "obtain", "earn", "secure", "spend", "block", "reserve", "raise", "check", "translate", "analyse",
        "measure", "calculate", "audit", "rewrite", "edit", "proofread", "upload", "post", "blog", "sit", "move", "cover",
        "deputise", "transfer", "offer", "invite", "pitch", "propose", "recommend", "sponsor", "release", "protect", "allocate",
        "assign", "give", "provide", "set", "follow", "hand", "finalise", "prioritise", "outline", "sketch",
        "build", "fill", "collect", "gather", "note", "tell", "show", "demonstrate", "pair", "swap", "ring", "message",
        "hold", "put", "sort", "go", "do", "make", "mail",
    ]

    static let vagueVerbs: Set<String> = [
        "improve", "develop", "enhance", "grow", "boost", "strengthen", "increase", "work", "think", "look", "consider",
        "explore", "try", "focus", "continue", "keep", "get", "become", "be", "feel", "understand", "know", "aim", "hope",
        "want", "need", "progress", "advance", "expand", "broaden", "deepen", "reflect", "engage", "maybe", "possibly",
    ]

    /// Verbs whose completion can be seen: a place booked, an application sent, an exam passed.
    static let completionVerbs: Set<String> = [
        "apply", "submit", "book", "attend", "pass", "complete", "finish", "publish", "send", "enrol", "register", "present",
        "deliver", "sit", "gain", "obtain", "earn", "shadow", "host", "chair", "secure", "interview", "launch", "upload", "post",
        "finalise", "email", "meet", "visit", "join", "introduce",
    ]

    /// Named outputs: things that exist, or have happened, when the action is done.
    static let outputs: Set<String> = [
        "certificate", "certification", "qualification", "exam", "presentation", "draft", "report", "plan", "proposal", "paper",
        "article", "blog", "cv", "application", "place", "booking", "course", "module", "workshop", "session", "meeting",
        "conversation", "coffee", "summary", "document", "portfolio", "website", "dashboard", "spreadsheet", "template",
        "checklist", "letter", "survey", "video", "demo", "prototype", "slide", "deck", "talk", "webinar", "conference",
        "secondment", "placement", "shadowing", "apprenticeship", "diploma", "degree", "award", "accreditation", "chapter",
        "brief", "briefing", "case", "pilot", "guide", "handbook", "specification", "strategy", "framework", "map", "newsletter",
        "podcast", "poster", "interview", "mentor", "mentoring", "buddy", "lunch", "call", "visit", "day", "test",
    ]

    static let nouns: Set<String> = [
        "plan", "report", "call", "visit", "map", "talk", "draft", "log", "note", "record", "post", "list", "set",
    ]

    static let vagueObjects: Set<String> = [
        "skill", "knowledge", "confidence", "myself", "career", "thing", "stuff", "more", "better", "ability", "experience",
        "understanding", "visibility", "leadership", "communication", "development", "growth", "potential", "performance",
        "self", "future", "option", "idea", "area", "general", "generally", "overall", "way", "bit", "lot", "something",
        "everything", "anything", "progression", "learning", "opportunity", "network", "networking", "awareness", "profile",
        "competence", "capability", "work", "level", "step", "goal",
    ]

    static let stopWords: Set<String> = [
        "a", "an", "the", "my", "our", "your", "his", "her", "their", "to", "of", "for", "on", "in", "at", "with", "about",
        "and", "or", "some", "any", "into", "up", "out", "it", "this", "that", "these", "those", "me", "us", "them", "i", "we",
        "you", "by", "from", "as", "so", "very", "really", "little", "lots", "will", "ill", "im", "shall", "should", "must",
        "can", "could", "would", "might", "going", "also", "just", "then", "than", "if", "when", "how", "what", "who", "new",
        "own", "is", "are", "was", "have", "has", "had", "not", "no", "too", "much", "many", "again", "well", "all", "other",
        "over", "off", "through", "though", "around", "across", "ok", "okay", "etc", "e", "g", "eg", "ie", "asap", "soon",
        "sometime", "time", "where", "possible", "please", "both", "each", "either", "there", "here", "one", "s", "re", "later",
        "dont", "every", "per", "which", "while", "next", "after", "before", "until", "till", "within", "end", "mid", "early", "late",
    ]

    static let frequencies: Set<String> = [
        "weekly", "monthly", "fortnightly", "daily", "quarterly", "twice", "thrice", "dozen", "half", "percent",
    ]

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "couple": 2, "few": 3, "several": 3,
    ]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    ]

    static let dayWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "today", "tonight",
        "fortnight", "christmas", "easter", "deadline",
    ]

    static let seasons: Set<String> = ["spring", "summer", "autumn", "winter", "midyear"]

    /// Months per unit.
    static let timeUnits: [String: Double] = ["day": 1.0 / 30, "week": 0.25, "month": 1, "quarter": 3, "year": 12]

    /// Words that put a number of units into the future: "in", "within", "over the next".
    static let timeLeads: Set<String> = ["in", "within", "next", "by", "before", "until", "till", "end", "over", "coming", "after"]

    static let vocabulary: Set<String> = concreteVerbs.union(vagueVerbs).union(completionVerbs).union(outputs).union(vagueObjects)
        .union(stopWords).union(frequencies).union(numberWords.keys).union(months.keys).union(dayWords).union(seasons)
        .union(timeUnits.keys)

    /// Long words only, where a one-letter slip is a typo and not another word.
    static let vocabularyByLength: [Int: [[Character]]] = Dictionary(
        grouping: vocabulary.filter { $0.count >= 5 }.sorted().map { Array($0) }, by: \.count)
}
