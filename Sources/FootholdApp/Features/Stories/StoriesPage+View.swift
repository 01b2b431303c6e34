import FootholdCore
import FootholdData
import Foundation

extension StoriesPage {
    static func content(_ model: Model, message: String?, display: DisplayDate) -> [BodyNode] {
        [
            message.map { H.notice($0, style: "success") } ?? H.nothing,
            H.heading(1, "Success stories"),
            H.paragraph(
                "How colleagues moved or grew, in their own words: what they did, what helped, and what they would say to someone thinking of it. A story is published only while the person it is about agrees.",
                class: "lead"),
            H.el("p", class: "button-row", H.link("Write a story", to: SiteURL.newStory.path, class: "button button--primary")),
            ownCard(model),
            H.card(
                labelledBy: "published",
                [
                    H.heading(2, "Stories", id: "published"),
                    model.published.isEmpty
                        ? H.emptyState(
                            "No stories published yet", "When someone agrees to share how they moved or grew, their story appears here.")
                        : storyList(model.published),
                ]),
        ]
    }

    static func ownCard(_ model: Model) -> BodyNode {
        guard !model.own.isEmpty else { return H.nothing }
        return H.card(
            labelledBy: "yours",
            [
                H.heading(2, "Your stories", id: "yours"),
                H.table(
                    caption: "Stories about you or written by you", headers: ["Story", "About", "Published"],
                    cells: model.own.map { line in
                        [
                            .link(line.story.title, to: SiteURL.story(line.story.id).path),
                            .text(line.story.personID == model.viewerID ? "You" : line.personName),
                            line.story.isPublished
                                ? .tag("Published", .met)
                                : .tag(line.story.personID == model.viewerID ? "Waiting for you" : "Waiting for \(line.personName)", .due),
                        ]
                    }),
            ])
    }

    static func storyList(_ lines: [StoryLine]) -> BodyNode {
        H.el(
            "ul",
            [H.attr("class", "slot-list")]
                + lines.map { line in
                    H.el(
                        "li",
                        H.el("p", class: "slot__when", H.link(line.story.title, to: SiteURL.story(line.story.id).path)),
                        H.el(
                            "p", class: "slot__who",
                            H.text(byline(line) + (line.story.tags.isEmpty ? "" : " · " + line.story.tags.joined(separator: ", ")))))
                })
    }

    static func byline(_ line: StoryLine) -> String {
        line.story.writerID == line.story.personID ? "By \(line.personName)" : "\(line.personName), written with \(line.writerName)"
    }

    static func storyContent(_ line: StoryLine, viewerID: UUID, csrf: String) -> [BodyNode] {
        let story = line.story
        return [
            H.heading(1, story.title),
            H.el("p", class: "slot__who", H.text(byline(line))),
            consentNotice(line, viewerID: viewerID, csrf: csrf),
            H.card(H.el("p", class: "answer", H.text(story.body))),
            story.tags.isEmpty ? H.nothing : H.paragraph("Tags: " + story.tags.joined(separator: ", "), class: "muted"),
            story.mayChange(viewerID)
                ? H.el(
                    "div", class: "button-row",
                    H.link("Change the story", to: SiteURL.storyEdit(story.id).path, class: "button button--secondary"),
                    H.actionButton("Delete it", action: SiteURL.storyDelete(story.id).path, csrf: csrf, style: .warning))
                : H.nothing,
        ]
    }

    /// Who can read it now, and for its person the one button that changes that.
    static func consentNotice(_ line: StoryLine, viewerID: UUID, csrf: String) -> BodyNode {
        let story = line.story
        if story.mayConsent(viewerID) {
            return story.isPublished
                ? H.el(
                    "div", class: "notice",
                    H.paragraph("Published: everyone in the organisation can read it, because you agreed."),
                    H.actionButton("Withdraw my consent and unpublish it", action: SiteURL.storyWithdraw(story.id).path, csrf: csrf))
                : H.el(
                    "div", class: "notice",
                    H.paragraph(
                        "Not published. Only you\(story.writerID == viewerID ? "" : " and \(line.writerName)") can read it. Publish it only if you are happy for everyone in the organisation to read it; you can withdraw at any time."
                    ),
                    H.actionButton(
                        "I agree: publish my story", action: SiteURL.storyConsent(story.id).path, csrf: csrf, style: .primary,
                        hidden: [("version", String(story.version))]))
        }
        return story.isPublished
            ? H.nothing
            : H.notice("Not published: it waits for \(line.personName) to agree. Only the two of you can read it.")
    }

    static func formContent(_ existing: StoryLine?, typed: Form, problems: FieldProblems, viewerID: UUID, csrf: String) -> [BodyNode] {
        let action = existing.map { SiteURL.storyEdit($0.story.id).path } ?? SiteURL.newStory.path
        var fields: [BodyNode] = []
        if existing == nil {
            fields.append(
                H.field(
                    name: "about", label: "Whose story is it? (leave empty if it is yours)", value: typed.about ?? "",
                    hint:
                        "If you are writing it with a colleague, their name or work e-mail address. It is published only when they agree.",
                    error: problems.message(for: "about")))
        }
        fields += [
            H.field(name: "title", label: "Title", value: typed.title ?? "", error: problems.message(for: "title")),
            H.textarea(
                name: "body", label: "The story", value: typed.body ?? "",
                hint: "What you did, what helped, and what you would say to someone thinking of the same.",
                error: problems.message(for: "body"), rows: 8),
            H.field(
                name: "tags", label: "Tags", value: typed.tags ?? "", hint: "Separated by commas, such as secondment, policy, data.",
                error: problems.message(for: "tags")),
        ]
        if existing == nil || existing?.story.personID == viewerID {
            fields.append(
                H.checkbox(
                    name: "publish", label: "It is my story: publish it now", checked: typed.publish != nil,
                    hint: "Everyone in the organisation will be able to read it. You can withdraw it at any time."))
        }
        return [
            H.errorSummary(problems.items),
            H.heading(1, existing == nil ? "Write a success story" : "Change the story"),
            existing.map { $0.story.personID != viewerID && $0.story.isPublished }.flatMap {
                $0 ? H.notice("Changing the words unpublishes the story until \(existing!.personName) agrees again.") : nil
            } ?? H.nothing,
            H.form(action: action, csrf: csrf, fields + [H.button("Save the story")]),
        ]
    }
}
