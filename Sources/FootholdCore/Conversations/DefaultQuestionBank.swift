/// Foothold's own wording of the questions and tips the source documents describe.
extension QuestionBank {
    public static let standard = QuestionBank(
        preparation: [
            .whatMattersNow: "What matters most to you, at work and outside it, at the moment?",
            .interests: "What are you curious about, or drawn to, in your work?",
            .motivators: "What gets you going? What drains you?",
            .strengths: "What are you good at? What do people come to you for?",
            .timeFlies: "Which tasks make the time fly, and what is it about them you enjoy?",
            .inTwelveMonths: "Where would you like to be in a year's time?",
            .inThreeYears: "And in three years, or further ahead?",
            .areasToGrow: "Which skills or experience would you like to build?",
            .supportWanted: "What support would help you most, and from whom?",
            .influenceObjective:
                "What exactly would you like your guide to say or do after this conversation? (A place on a course, an introduction, a chance to present an idea…)",
            .pushProposals: "What will you propose, and how does it help the team's priorities too?",
            .pushWants: "What do you want next, by when, and with what support?",
            .pullQuestions: "What do you want to ask? What don't you know yet?",
            .pullCommonGround: "What do you and your guide already agree on, or hope for together?",
            .profileLink: "A link to your CV or profile, if you would like your guide to read it beforehand",
            .noticed: "What have you noticed about this person lately?",
            .fullyEngaged: "When have you seen them fully engaged, and which skills were they using?",
            .strategyFit: "How does their work connect with where the organisation is heading?",
            .opportunities: "Which opportunities could suit them, here or elsewhere in the organisation?",
            .organisationSupport: "What can the organisation realistically offer to help them grow? (Agree only what you can deliver.)",
        ],
        stages: [
            Stage(
                stage: .prepare, title: "Prepare",
                tip: "Have two or three good opening questions ready, and let the person know it is confidential and theirs to shape.",
                questions: ["Is there anything you'd like to get out of our time together that I could prepare for?"]),
            Stage(
                stage: .setUp, title: "Set up the conversation",
                tip:
                    "Find somewhere private and unhurried. Say at the start that the person owns their career and your part is to help them think.",
                questions: ["What's going well in your role at the moment?", "What would you want to keep, whatever else changes?"]),
            Stage(
                stage: .establishTrust, title: "Build trust",
                tip:
                    "Trust takes time. Sharing something of your own path, including what didn't go to plan, helps the other person open up.",
                questions: ["What are you proudest of so far?", "What made that so satisfying?"]),
            Stage(
                stage: .agreeOutcomes, title: "Agree what you both want from today",
                tip:
                    "Thank them for what they bring. Agree how long you have, what to focus on, and how the conversation will be recorded.",
                questions: [
                    "If you could shape your career exactly as you wished, what would your days look like?",
                    "What would make this conversation worth your time?",
                ]),
            Stage(
                stage: .explore, title: "Explore their point of view",
                tip:
                    "Ask open questions — what, how, tell me about — and listen more than you speak. Have examples of their strengths ready in case they help.",
                questions: [
                    "Which experiences have got you to where you are?", "What would you like to do more of, and less of?",
                    "What's shaping your thinking about the future right now?",
                ]),
            Stage(
                stage: .shareInformation, title: "Share what you know",
                tip:
                    "Bring what you know about the organisation's plans, roles and projects, sideways moves as well as upward ones, and people worth talking to.",
                questions: ["What knowledge or skills would help you take the next step?", "Who else would be good to talk to?"]),
            Stage(
                stage: .agreeActions, title: "Agree actions",
                tip: "Agree a few specific steps with a date and a way to tell they're done. Only agree to what you can deliver.",
                questions: ["What could make your current role more satisfying?", "What's the first step, and when will you take it?"]),
            Stage(
                stage: .close, title: "Close and follow up",
                tip:
                    "Sum up what you agreed, ask how the conversation felt, and set a time to check in. Encourage them to note their achievements and setbacks as they go.",
                questions: ["What will you do in the next three months?", "How did today's conversation feel?"]),
        ],
        checkpoints: [
            .start: [
                "Where do you feel you are in your career, and where would you like it to go?",
                "How do you see the progress you've made so far?",
                "Where would you like to be in three years, or further ahead?",
                "Are you looking for more breadth (a wider range of experience) or more depth (expertise in your field)?",
                "How well does your current role use your strengths and interests?",
                "Are there roles here, or elsewhere, that interest you?",
                "What might get in the way, including anything that puts you off seeking promotion?",
                "What will you do as a result of this conversation, and by when?",
            ],
            .mid: [
                "How have the steps you've taken so far changed your thinking about your career?",
                "What has been hard, and how did you deal with it?",
                "Is there anything you'd now like to change in your plan?",
            ],
            .end: [
                "How has this year gone for your career plans?",
                "How have your plans changed over the year, and what does that mean for next year?",
                "Which development opportunity was the most useful this year, and which the least?",
                "What will you focus on first in next year's plan?",
            ],
        ]
    )
}
