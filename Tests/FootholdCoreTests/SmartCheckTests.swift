import XCTest

@testable import FootholdCore

/// The SMART check on actions written the way people write them: good ones, vague ones, ones with
/// nothing to measure, no date, dates in words, British spellings, lower case and typos.
final class SmartCheckTests: XCTestCase {
    static let today = CalendarDate(year: 2026, month: 12, day: 1)!

    struct Case {
        var text: String
        var measure = ""
        var owner: ActionOwner? = .employee
        var confirmed = false
        /// Days after today, when a due date was chosen.
        var due: Int?
        var goal = false
        var influence = false
        /// The letters met, a dash for each missed: "SMART", "-M-RT".
        var expected: String
    }

    static let table: [Case] = [
        // Good actions, written carefully.
        Case(text: "Book a place on the Level 2 Excel course", due: 60, goal: true, expected: "SMART"),
        Case(text: "Read the housing strategy and note three questions for our next check-in", due: 30, goal: true, expected: "SMART"),
        Case(text: "Shadow a planning officer for a day", due: 90, goal: true, expected: "SMART"),
        Case(text: "Draft a one-page proposal for the tenant survey", due: 45, goal: true, expected: "SMART"),
        Case(text: "Apply for the data analyst secondment", due: 20, goal: true, expected: "SMART"),
        Case(text: "Present the pilot results at the February team meeting", goal: true, expected: "SMART"),
        Case(text: "Ask Amara for twenty minutes to talk about moving into policy", due: 14, goal: true, expected: "SMART"),
        Case(text: "Complete the project management foundation certificate", due: 180, goal: true, expected: "SMART"),
        Case(text: "Write a blog post about the flood response", due: 30, influence: true, expected: "SMART"),
        Case(text: "Enrol on the Spanish evening class by January", goal: true, expected: "SMART"),
        Case(text: "Meet two people from Finance over coffee before Easter", goal: true, expected: "SMART"),
        Case(text: "Update my CV and send it to Jo", due: 10, goal: true, expected: "SMART"),
        Case(text: "Chair the monthly team meeting three times", due: 120, goal: true, expected: "SMART"),
        Case(text: "Sign up for the mentoring scheme", due: 21, goal: true, expected: "SMART"),
        Case(text: "Run a lunchtime session on the new case system", due: 50, goal: true, expected: "SMART"),
        Case(
            text: "Find out which teams use Power BI", measure: "A list of the teams and a contact in each", due: 30, goal: true,
            expected: "SMART"),
        Case(text: "Prepare a presentation for the Leadership Team", due: 75, influence: true, expected: "SMART"),
        Case(
            text: "Release Sam for one day a week to work on the audit", owner: .guide, confirmed: true, due: 30, goal: true,
            expected: "SMART"),
        Case(
            text: "Fund a place on the leadership programme", owner: .organisation, confirmed: true, due: 200, goal: true,
            expected: "SMART"),
        Case(text: "Introduce Lee to the head of digital", owner: .guide, confirmed: true, due: 14, goal: true, expected: "SMART"),
        Case(text: "Send Priya the job description for the team leader role", owner: .colleague, due: 7, goal: true, expected: "SMART"),
        // Dates in words rather than a due date.
        Case(text: "Book the Prince2 exam in the next three months", goal: true, expected: "SMART"),
        Case(text: "Submit my application by the end of March", goal: true, expected: "SMART"),
        Case(text: "Finish the first draft by Friday", goal: true, expected: "SMART"),
        Case(text: "Attend the regional conference in May", goal: true, expected: "SMART"),
        Case(text: "Arrange a shadowing day next month", goal: true, expected: "SMART"),
        Case(text: "Publish the team newsletter by Q2", goal: true, expected: "SMART"),
        Case(text: "Send the report to Kate by 31/3", goal: true, expected: "SMART"),
        Case(text: "Book a coffee with Raj within two weeks", goal: true, expected: "SMART"),
        Case(text: "Sit the exam this summer", goal: true, expected: "SMART"),
        Case(text: "Finish the module by the 15th", goal: true, expected: "SMART"),
        // Vague: no concrete verb or object.
        Case(text: "Improve my skills", due: 90, goal: true, expected: "--ART"),
        Case(text: "Develop my leadership", due: 90, goal: true, expected: "--ART"),
        Case(text: "Work on confidence", due: 90, goal: true, expected: "--ART"),
        Case(text: "Think about my career", due: 90, goal: true, expected: "--ART"),
        Case(text: "Get better at presenting", due: 90, goal: true, expected: "--ART"),
        Case(text: "Be more visible", due: 90, goal: true, expected: "--ART"),
        Case(text: "Look into options", due: 90, goal: true, expected: "--ART"),
        Case(text: "Grow my network", due: 90, goal: true, expected: "--ART"),
        Case(text: "Explore opportunities in other departments", due: 90, goal: true, expected: "--ART"),
        Case(text: "Continue to develop", due: 90, goal: true, expected: "--ART"),
        Case(text: "Strengthen communication", due: 90, goal: true, expected: "--ART"),
        Case(text: "progression", due: 90, goal: true, expected: "--ART"),
        Case(text: "Learn more", due: 90, goal: true, expected: "--ART"),
        Case(text: "Do better", due: 90, goal: true, expected: "--ART"),
        Case(text: "Plan my career", due: 90, goal: true, expected: "--ART"),
        // A vague aim with a concrete step is specific.
        Case(text: "Improve my Excel by completing the online course", due: 90, goal: true, expected: "SMART"),
        Case(text: "Develop a training plan for new starters", due: 90, goal: true, expected: "SMART"),
        // A vague aim with a success measure is measurable but still not specific.
        Case(text: "Improve my confidence", measure: "Lead two team meetings", due: 90, goal: true, expected: "-MART"),
        // Specific but nothing to count or point to.
        Case(text: "Talk to people in Finance", due: 30, goal: true, expected: "S-ART"),
        Case(text: "Learn Python", due: 90, goal: true, expected: "S-ART"),
        Case(text: "Research data roles", due: 30, goal: true, expected: "S-ART"),
        Case(text: "Read up on change management", due: 30, goal: true, expected: "S-ART"),
        Case(text: "Learn Python", measure: "Finish the beginners' exercises", due: 90, goal: true, expected: "SMART"),
        // Not dated at all.
        Case(text: "Book a place on the Excel course", goal: true, expected: "SMAR-"),
        Case(text: "Apply for the policy secondment", goal: true, expected: "SMAR-"),
        Case(text: "Write a case study for the intranet", goal: true, expected: "SMAR-"),
        Case(text: "Improve my skills", expected: "--A--"),
        Case(text: "Meet the head of HR", goal: true, expected: "SMAR-"),
        Case(text: "I may apply for the role", goal: true, expected: "SMAR-"),
        // Not linked to a goal or the influence objective.
        Case(text: "Book a place on the Excel course", due: 60, expected: "SMA-T"),
        Case(text: "Shadow the duty manager next week", expected: "SMA-T"),
        // Owners and confirmation.
        Case(text: "Fund a place on the MBA", owner: .organisation, due: 200, goal: true, expected: "SM-RT"),
        Case(text: "Introduce Lee to the head of digital", owner: .guide, due: 14, goal: true, expected: "SM-RT"),
        Case(text: "Book a place on the Excel course", owner: nil, due: 60, goal: true, expected: "SM-RT"),
        // Due too far ahead, or before it was written.
        Case(text: "Complete the MSc dissertation", due: 700, goal: true, expected: "SM-RT"),
        Case(text: "Pass the chartered exam in the next three years", goal: true, expected: "SM-RT"),
        Case(text: "Book the course", due: -3, goal: true, expected: "SM-RT"),
        Case(text: "Complete the MSc dissertation", due: 500, goal: true, expected: "SMART"),
        // Lower case, no punctuation, the way notes get typed.
        Case(text: "book excel course by jan", goal: true, expected: "SMART"),
        Case(text: "ask jo re secondment next wk", goal: true, expected: "SMART"),
        Case(text: "read up on budgets next wk", goal: true, expected: "S-ART"),
        Case(text: "send cv to hr", due: 7, goal: true, expected: "SMART"),
        Case(text: "meet sam for coffee in feb", goal: true, expected: "SMART"),
        // American spellings and British ones.
        Case(text: "Organize a lunch and learn on the new CRM", due: 40, goal: true, expected: "SMART"),
        Case(text: "Organise a lunch and learn on the new CRM", due: 40, goal: true, expected: "SMART"),
        Case(text: "Enroll in the analytics program", due: 40, goal: true, expected: "SMART"),
        Case(text: "Practise the presentation with Tom twice", due: 20, goal: true, expected: "SMART"),
        Case(text: "Summarize the survey results in a one-page brief", due: 20, goal: true, expected: "SMART"),
        Case(text: "Analyse the complaints data and share a summary", due: 20, goal: true, expected: "SMART"),
        // Typos.
        Case(text: "Imporve my skils", due: 90, goal: true, expected: "--ART"),
        Case(text: "Compelte the safeguarding course", due: 30, goal: true, expected: "SMART"),
        Case(text: "Atend the regional conferance", due: 30, goal: true, expected: "SMART"),
        Case(text: "Write a presentaion for the team", due: 30, goal: true, expected: "SMART"),
        Case(text: "devlop my leadership", due: 30, goal: true, expected: "--ART"),
        // Counts and frequencies.
        Case(text: "Give feedback to three colleagues", due: 30, goal: true, expected: "SMART"),
        Case(text: "Read 2 books on coaching", due: 60, goal: true, expected: "SMART"),
        Case(text: "Spend an hour every week on the data course", due: 90, goal: true, expected: "SMART"),
        Case(text: "Call the careers service weekly", due: 60, goal: true, expected: "SMART"),
        // Month names in lower case are dates all the same (seen on 4 December 2026).
        Case(text: "Book the level 2 excel course by june", goal: true, expected: "SMART"),
        Case(text: "Send my application for the secondment by the end of march", goal: true, expected: "SMART"),
        Case(text: "Attend the housing conference in september", goal: true, expected: "SMART"),
        Case(text: "Finish the first module of the data course by february", goal: true, expected: "SMART"),
        Case(text: "Shadow the allocations panel twice in january", goal: true, expected: "SMART"),
        Case(text: "Present the survey results to the team in may 2027", goal: true, expected: "SMART"),
        Case(text: "Book the data course before march.", goal: true, expected: "SMART"),
        Case(text: "Apply for the policy secondment by mid-march", goal: true, expected: "SMART"),
        Case(text: "Complete the safeguarding module by 31st may", goal: true, expected: "SMART"),
        Case(text: "Read the housing strategy, by may", goal: true, expected: "SMART"),
        Case(text: "Book the excel course for early april", goal: true, expected: "SMART"),
        Case(text: "Email Jo about the secondment in march", goal: true, expected: "SMART"),
        // Verbs that commit to nothing, whatever follows them.
        Case(text: "Think about applying for the secondment", due: 30, goal: true, expected: "-MART"),
        Case(text: "Learn more about the policy team", due: 30, goal: true, expected: "--ART"),
        Case(text: "Look into the data analyst course", due: 30, goal: true, expected: "-MART"),
        Case(text: "Consider booking the Level 2 course", due: 30, goal: true, expected: "-MART"),
        Case(text: "Try to attend the leadership network", due: 30, goal: true, expected: "--ART"),
        Case(text: "Find out more about the apprenticeship levy", due: 30, goal: true, expected: "-MART"),
        // Blank or nearly blank.
        Case(text: "", goal: true, expected: "--AR-"),
        Case(text: "tbc", expected: "--A--"),
        Case(text: "???", due: 10, expected: "--A-T"),
    ]

    func testTheTableOfActions() {
        XCTAssertGreaterThanOrEqual(Self.table.count, 80)
        var wrong: [String] = []
        for entry in Self.table {
            let verdict = SmartCheck.check(
                .init(
                    description: entry.text, successMeasure: entry.measure, owner: entry.owner, deliveryConfirmed: entry.confirmed,
                    dueOn: entry.due.map { Self.today.adding(days: $0) }, writtenOn: Self.today, linkedToGoal: entry.goal,
                    linkedToInfluenceObjective: entry.influence))
            if verdict.letters != entry.expected {
                wrong.append(
                    "\(entry.text.debugDescription): expected \(entry.expected), got \(verdict.letters) \(verdict.advice.map(\.sentence))")
            }
            // Exactly one sentence for each criterion missed, in order, each naming the action.
            XCTAssertEqual(verdict.advice.map(\.criterion), SmartCriterion.allCases.filter { !verdict.met.contains($0) })
        }
        XCTAssert(wrong.isEmpty, "\n" + wrong.joined(separator: "\n"))
    }

    func testTheSentencesSayWhatIsMissingAndWhatToTry() {
        let vague = SmartCheck.check(.init(description: "Improve my skills", writtenOn: Self.today))
        let specific = vague.advice.first { $0.criterion == .specific }!.sentence
        XCTAssertTrue(specific.hasPrefix("\u{2018}Improve my skills\u{2019} has no concrete verb or object"), specific)
        XCTAssertTrue(specific.contains("what will you do, and what will exist when it is done?"), specific)
        XCTAssertTrue(vague.advice.contains { $0.criterion == .timeBound && $0.sentence.contains("no due date") })
        XCTAssertTrue(vague.advice.contains { $0.criterion == .relevant && $0.sentence.contains("development goal") })

        let unconfirmed = SmartCheck.check(
            .init(description: "Fund the MBA", owner: .organisation, dueOn: Self.today.adding(days: 30), writtenOn: Self.today))
        XCTAssertTrue(unconfirmed.advice.contains { $0.criterion == .achievable && $0.sentence.contains("not yet confirmed") })

        let long = SmartCheck.check(.init(description: String(repeating: "improve ", count: 30), writtenOn: Self.today))
        XCTAssertTrue(long.advice[0].sentence.contains("\u{2026}\u{2019}"), "a long action is shortened when quoted")
    }

    func testAListSaysInPlainWordsWhatWouldMakeItSmart() {
        let vague = SmartCheck.check(.init(description: "Improve my skills", writtenOn: Self.today))
        XCTAssertEqual(
            vague.hints,
            "To make it SMART: say what you will do, and to what; say how you will know it is done; link it to a goal; "
                + "say when it will be done.")
        let unowned = SmartCheck.check(
            .init(
                description: "Book the Level 2 course", owner: nil, dueOn: Self.today.adding(days: 9), writtenOn: Self.today,
                linkedToGoal: true))
        XCTAssertEqual(unowned.hints, "To make it SMART: say who will do it.")
    }

    func testEighteenMonthsIsCountedInCalendarMonths() {
        let endOfAugust = CalendarDate(year: 2026, month: 8, day: 31)!
        XCTAssertEqual(SmartCheck.adding(months: 18, to: endOfAugust), CalendarDate(year: 2028, month: 2, day: 29))
        let edge = SmartCheck.check(
            .init(
                description: "Book the exam", dueOn: CalendarDate(year: 2028, month: 2, day: 29), writtenOn: endOfAugust, linkedToGoal: true
            ))
        XCTAssertEqual(edge.letters, "SMART")
        let over = SmartCheck.check(
            .init(
                description: "Book the exam", dueOn: CalendarDate(year: 2028, month: 3, day: 1), writtenOn: endOfAugust, linkedToGoal: true)
        )
        XCTAssertEqual(over.letters, "SM-RT")
    }

    func testTheCheckIsDeterministic() {
        for entry in Self.table.prefix(20) {
            let action = SmartCheck.Action(description: entry.text, successMeasure: entry.measure, writtenOn: Self.today)
            XCTAssertEqual(SmartCheck.check(action), SmartCheck.check(action))
        }
    }
}
