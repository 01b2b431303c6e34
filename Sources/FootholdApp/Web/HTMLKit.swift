import FootholdData
import Foundation
import Plot

typealias BodyNode = Node<HTML.BodyContext>

extension String {
    /// Plot writes attribute values exactly as given, so every value that may hold a person's
    /// words passes through here first.
    var attributeEscaped: String { escapingHTML(quotes: true) }

    /// Text content with every special character escaped. Plot's own text escaping leaves
    /// anything that looks like an entity alone, which would let "&lt;" typed by a person show as "<".
    var textEscaped: String { escapingHTML(quotes: false) }

    private func escapingHTML(quotes: Bool) -> String {
        let utf8 = self.utf8
        // Most text has nothing to escape: hand it back as it is.
        let needsEscaping =
            utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }
            } ?? true
        guard needsEscaping else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        appendEscaped(quotes: quotes, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends the text's bytes to a page being built, escaped as `attributeEscaped` (with
    /// `quotes`) or `textEscaped` does: for long lists, which build their HTML as bytes.
    func appendEscaped(quotes: Bool, to result: inout [UInt8]) {
        var text = self
        text.withUTF8 { bytes in
            // Runs with nothing to escape are copied whole.
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22 where quotes: entity = "&quot;"
                case 0x27 where quotes: entity = "&#39;"
                default: continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                result.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}

/// A piece of a page that is HTML already, safe by construction: text becomes `Markup` only through
/// `Markup.text`, which escapes it, and tags only through the components of this file. Table cells
/// and other hot parts are `Markup` so that a page of hundreds of them is joined as strings, not
/// as Plot elements; a feature cannot make one from a string of its own.
struct Markup: Sendable, Equatable {
    let html: String

    fileprivate init(escaped html: String) { self.html = html }

    static let empty = Markup(escaped: "")

    static func text(_ value: String) -> Markup { Markup(escaped: value.textEscaped) }

    static func + (lhs: Markup, rhs: Markup) -> Markup { Markup(escaped: lhs.html + rhs.html) }

    /// The markup as a node of a page.
    var node: BodyNode { .raw(html) }

    static func link(_ label: String, to path: String, class className: String? = nil) -> Markup {
        // Appended into one string: a page of fifty links spent more on joining pieces than on anything else.
        var html = "<a href=\""
        html.reserveCapacity(path.utf8.count + label.utf8.count + (className?.utf8.count ?? 0) + 24)
        html += path.attributeEscaped
        if let className { html += "\" class=\""; html += className.attributeEscaped }
        html += "\">"
        html += label.textEscaped
        html += "</a>"
        return Markup(escaped: html)
    }

    /// A row's checkbox in a table of people to choose from, named for the row.
    static func rowChoice(name: String, value: String, label: String, id: String) -> Markup {
        // Named by aria-label: axe counts a visually hidden <label> inside a table's scrolling wrapper as hidden.
        Markup(
            escaped: H.inputHTML([
                ("type", "checkbox"), ("id", id), ("name", name), ("value", value), ("class", "checkbox__input"), ("aria-label", label),
            ]))
    }

    /// Status as words with colour, never colour alone.
    static func tag(_ label: String, _ style: H.TagStyle = .neutral) -> Markup {
        Markup(escaped: "<strong class=\"tag tag--" + style.rawValue + "\">" + label.textEscaped + "</strong>")
    }

    /// Text in a `span` of the given class, such as a person's own words (`answer`).
    static func span(class className: String, _ text: String) -> Markup {
        Markup(escaped: "<span" + H.attribute("class", className) + ">" + text.textEscaped + "</span>")
    }

    /// A button that posts a one-step form, such as "Mark done".
    static func actionButton(
        _ label: String, action: String, csrf: String, style: H.ButtonStyle = .secondary,
        hidden fields: [(String, String)] = []
    ) -> Markup {
        Markup(
            escaped: "<form method=\"post\"" + H.attribute("action", action) + H.attribute("class", "inline-form") + ">"
                + H.hiddenHTML(name: CSRF.fieldName, value: csrf)
                + fields.map { H.hiddenHTML(name: $0.0, value: $0.1) }.joined() + H.buttonHTML(label, style: style) + "</form>")
    }
}

/// The building blocks every page is made of (DESIGN.md: components built once and reused).
enum H {
    /// Nothing, where a page shows a part only sometimes.
    static var nothing: BodyNode { .empty }

    static func attr(_ name: String, _ value: String) -> BodyNode {
        .attribute(named: name, value: value.attributeEscaped, ignoreIfValueIsEmpty: false)
    }

    static func text(_ value: String) -> BodyNode { .raw(value.textEscaped) }

    static func el(_ name: String, _ nodes: [BodyNode]) -> BodyNode { .element(named: name, nodes: nodes) }
    static func el(_ name: String, _ nodes: BodyNode...) -> BodyNode { .element(named: name, nodes: nodes) }
    static func el(_ name: String, _ first: [BodyNode], _ rest: BodyNode...) -> BodyNode { .element(named: name, nodes: first + rest) }
    static func el(_ name: String, class className: String, _ nodes: BodyNode...) -> BodyNode {
        .element(named: name, nodes: [attr("class", className)] + nodes)
    }
    // The helpers below whose parts are all text write their HTML directly: a page of tables
    // holds hundreds of them, and each Plot element costs far more than the string it becomes.

    /// ` name="value"`, escaped; nothing when the value is nil.
    fileprivate static func attribute(_ name: String, _ value: String?) -> String {
        guard let value else { return "" }
        var html = ""
        html.reserveCapacity(name.utf8.count + value.utf8.count + 4)
        appendAttribute(name, value, to: &html)
        return html
    }

    /// Appends ` name="value"`, escaped, in place: no string is made for the pair on its own. The
    /// caller reserves the room (reserving here, a little at a time, would copy the string each time).
    private static func appendAttribute(_ name: String, _ value: String, to html: inout String) {
        html += " "
        html += name
        html += "=\""
        html += value.attributeEscaped
        html += "\""
    }

    static func link(_ label: String, to path: String, class className: String? = nil) -> BodyNode {
        Markup.link(label, to: path, class: className).node
    }

    /// `<tag class="…">` + inner HTML + `</tag>`; the inner HTML must already be escaped.
    private static func wrap(_ tag: String, class className: String? = nil, id: String? = nil, _ inner: String) -> String {
        "<" + tag + attribute("class", className) + attribute("id", id) + ">" + inner + "</" + tag + ">"
    }

    /// A list of plain text items.
    static func list(_ items: [String], class className: String? = nil) -> BodyNode {
        .raw(wrap("ul", class: className, items.map { "<li>" + $0.textEscaped + "</li>" }.joined()))
    }

    static func heading(_ level: Int, _ label: String, id: String? = nil) -> BodyNode {
        .raw("<h\(level)" + attribute("id", id) + ">" + label.textEscaped + "</h\(level)>")
    }

    static func paragraph(_ label: String, class className: String? = nil) -> BodyNode {
        .raw("<p" + attribute("class", className) + ">" + label.textEscaped + "</p>")
    }

    /// A label/value list (`dl`).
    static func summaryList(_ rows: [(String, BodyNode)]) -> BodyNode {
        var nodes: [BodyNode] = [.raw("<dl class=\"summary-list\">")]
        for (label, value) in rows {
            // dt and dd directly in the dl (axe's dlitem rule); the style sheet lays them out in rows.
            nodes.append(.raw("<dt>" + label.textEscaped + "</dt><dd>"))
            nodes.append(value)
            nodes.append(.raw("</dd>"))
        }
        nodes.append(.raw("</dl>"))
        return .group(nodes)
    }

    enum TagStyle: String { case neutral, brand, met, scheduled, due, overdue, declined, inactive }

    /// A row's checkbox in a table of people to choose from, named for the row.
    static func rowChoice(name: String, value: String, label: String, id: String) -> Markup {
        // Named by aria-label: axe counts a visually hidden <label> inside a table's scrolling wrapper as hidden.
        Markup(
            escaped: H.inputHTML([
                ("type", "checkbox"), ("id", id), ("name", name), ("value", value), ("class", "checkbox__input"), ("aria-label", label),
            ]))
    }

    /// Status as words with colour, never colour alone.
    static func tag(_ label: String, _ style: TagStyle = .neutral) -> BodyNode { Markup.tag(label, style).node }

    static func card(_ nodes: BodyNode...) -> BodyNode { el("section", [attr("class", "card")] + nodes) }

    static func card(labelledBy id: String, _ nodes: [BodyNode]) -> BodyNode {
        el("section", [attr("class", "card"), attr("aria-labelledby", id)] + nodes)
    }

    /// A table. `stacked` tables become one block a row on a phone, each cell led by its column's
    /// name and the row by its first cell (the person, usually), instead of scrolling sideways.
    static func table(caption: String, headers: [String], rows: [[BodyNode]], captionHidden: Bool = true, stacked: Bool = false)
        -> BodyNode
    {
        var nodes: [BodyNode] = [.raw(tableHead(caption: caption, headers: headers, captionHidden: captionHidden, stacked: stacked))]
        nodes.reserveCapacity(rows.count * (rows.first?.count ?? 0) * 2 + 2)
        let opens = cellOpenings(headers, stacked: stacked)
        for cells in rows {
            for (index, cell) in cells.enumerated() {
                nodes.append(.raw((index == 0 ? "<tr>" : "</td>") + (index < opens.count ? opens[index] : "<td>")))
                nodes.append(cell)
            }
            nodes.append(.raw(cells.isEmpty ? "<tr></tr>" : "</td></tr>"))
        }
        nodes.append(.raw("</tbody></table></div>"))
        return .group(nodes)
    }

    /// A table of many rows, its cells made by `Markup`'s components.
    static func table(caption: String, headers: [String], cells rows: [[Markup]], captionHidden: Bool = true, stacked: Bool = false)
        -> BodyNode
    {
        var html = tableHead(caption: caption, headers: headers, captionHidden: captionHidden, stacked: stacked)
        let opens = cellOpenings(headers, stacked: stacked)
        // Room for the whole table first, then every piece appended in place.
        let openings = opens.reduce(0) { $0 + $1.utf8.count + 5 } + 9
        html.reserveCapacity(
            html.utf8.count + rows.reduce(24) { total, cells in cells.reduce(total + openings) { $0 + $1.html.utf8.count } })
        for cells in rows {
            html += "<tr>"
            for (index, cell) in cells.enumerated() {
                html += index < opens.count ? opens[index] : "<td>"
                html += cell.html
                html += "</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table></div>"
        return .raw(html)
    }

    /// Each column's `<td>`: in a stacked table it carries the column's name, shown beside the cell on a phone.
    private static func cellOpenings(_ headers: [String], stacked: Bool) -> [String] {
        headers.map { stacked ? "<td" + attribute("data-label", $0) + ">" : "<td>" }
    }

    /// A table's opening, caption and header row, up to its body's first row.
    private static func tableHead(caption: String, headers: [String], captionHidden: Bool, stacked: Bool) -> String {
        var html = "<div class=\"table-wrap\"><table class=\"table" + (stacked ? " table--stack" : "") + "\"><caption class=\""
        html += (captionHidden ? "visually-hidden" : "table__caption") + "\">" + caption.textEscaped + "</caption><thead><tr>"
        for header in headers { html += "<th scope=\"col\">" + header.textEscaped + "</th>" }
        return html + "</tr></thead><tbody>"
    }

    /// What an empty list shows instead: what will appear here, and the next step.
    static func emptyState(_ title: String, _ explanation: String, action: BodyNode? = nil) -> BodyNode {
        .group(
            .raw(
                "<div class=\"empty-state\"><p class=\"empty-state__title\">" + title.textEscaped + "</p><p>" + explanation.textEscaped
                    + "</p>"),
            action ?? .empty, .raw("</div>"))
    }

    static func notice(_ message: String, style: String = "info", link: (label: String, to: String)? = nil) -> BodyNode {
        .raw(
            "<div" + attribute("class", "notice notice--" + style) + " role=\"" + (style == "success" ? "status" : "note") + "\"><p>"
                + message.textEscaped + (link.map { " " + Markup.link($0.label, to: $0.to).html } ?? "") + "</p></div>")
    }

    // MARK: forms

    /// A form that carries the CSRF token every state-changing request needs.
    static func form(action: String, csrf: String, multipart: Bool = false, class className: String? = nil, _ nodes: [BodyNode]) -> BodyNode
    {
        let open =
            "<form method=\"post\"" + attribute("action", action) + (multipart ? " enctype=\"multipart/form-data\"" : "")
            + attribute("class", className) + ">" + hiddenHTML(name: CSRF.fieldName, value: csrf)
        return .group([.raw(open)] + nodes + [.raw("</form>")])
    }

    static func hidden(name: String, value: String) -> BodyNode { .raw(hiddenHTML(name: name, value: value)) }

    fileprivate static func hiddenHTML(name: String, value: String) -> String {
        "<input type=\"hidden\"" + attribute("name", name) + attribute("value", value) + ">"
    }

    fileprivate static func inputHTML(_ attributes: [(String, String)]) -> String {
        var html = "<input"
        html.reserveCapacity(attributes.reduce(8) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        for (name, value) in attributes { appendAttribute(name, value, to: &html) }
        html += ">"
        return html
    }

    /// A field's label, hint and error, which every kind of field shows the same way.
    private static func labelHintAndError(id: String, label: String, hint: String?, error: String?) -> String {
        "<label class=\"field__label\"" + attribute("for", id) + ">" + label.textEscaped + "</label>"
            + hintAndError(id: id, hint: hint, error: error)
    }

    private static func hintAndError(id: String, hint: String?, error: String?) -> String {
        var html = ""
        if let hint { html += "<p class=\"field__hint\"" + attribute("id", id + "-hint") + ">" + hint.textEscaped + "</p>" }
        if let error {
            html +=
                "<p class=\"field__error\"" + attribute("id", id + "-error") + "><span class=\"visually-hidden\">Error: </span>"
                + error.textEscaped + "</p>"
        }
        return html
    }

    /// A labelled field with an optional hint and error; the error is linked from the summary.
    static func field(
        name: String, label: String, value: String = "", type: String = "text", hint: String? = nil,
        error: String? = nil, autocomplete: String? = nil, required: Bool = false, readOnly: Bool = false
    ) -> BodyNode {
        .raw(
            fieldHTML(
                name: name, label: label, value: value, type: type, hint: hint, error: error, autocomplete: autocomplete,
                required: required,
                readOnly: readOnly))
    }

    private static func fieldHTML(
        name: String, label: String, value: String = "", type: String = "text", hint: String? = nil,
        error: String? = nil, autocomplete: String? = nil, required: Bool = false, readOnly: Bool = false
    ) -> String {
        let id = "field-\(name)"
        var describedBy: [String] = []
        if hint != nil { describedBy.append("\(id)-hint") }
        if error != nil { describedBy.append("\(id)-error") }
        var attributes: [(String, String)] = [
            ("type", type), ("id", id), ("name", name), ("class", error == nil ? "input" : "input input--error"),
        ]
        if type != "password" && type != "file" { attributes.append(("value", value)) }
        if let autocomplete { attributes.append(("autocomplete", autocomplete)) }
        if !describedBy.isEmpty { attributes.append(("aria-describedby", describedBy.joined(separator: " "))) }
        if error != nil { attributes.append(("aria-invalid", "true")) }
        if required { attributes.append(("required", "required")) }
        if readOnly { attributes.append(("readonly", "readonly")) }
        return "<div class=\"" + (error == nil ? "field" : "field field--error") + "\">"
            + labelHintAndError(id: id, label: label, hint: hint, error: error) + inputHTML(attributes) + "</div>"
    }

    static func textarea(
        name: String, label: String, value: String = "", hint: String? = nil, error: String? = nil,
        rows: Int = 4, privacy: String? = nil
    ) -> BodyNode {
        let id = "field-" + name
        // One string, grown once: a preparation page has nine of these, each holding a person's answer.
        var html = error == nil ? "<div class=\"field\">" : "<div class=\"field field--error\">"
        html.reserveCapacity(400 + label.utf8.count + value.utf8.count + (hint?.utf8.count ?? 0) + (privacy?.utf8.count ?? 0))
        html += "<label class=\"field__label\""
        html += attribute("for", id)
        html += ">"
        html += label.textEscaped
        html += "</label>"
        if let privacy {
            html += "<p class=\"privacy\""
            html += attribute("id", id + "-privacy")
            html += ">"
            html += privacy.textEscaped
            html += "</p>"
        }
        html += hintAndError(id: id, hint: hint, error: error)
        html += "<textarea"
        html += attribute("id", id)
        html += attribute("name", name)
        html += " rows=\"\(rows)\""
        html += attribute("class", error == nil ? "input textarea" : "input textarea input--error")
        var describedBy: [String] = []
        if privacy != nil { describedBy.append(id + "-privacy") }
        if hint != nil { describedBy.append(id + "-hint") }
        if error != nil { describedBy.append(id + "-error") }
        if !describedBy.isEmpty { html += attribute("aria-describedby", describedBy.joined(separator: " ")) }
        if error != nil { html += " aria-invalid=\"true\"" }
        html += ">"
        html += value.textEscaped
        html += "</textarea></div>"
        return .raw(html)
    }

    /// A choice of one from a few, as radio buttons in a fieldset.
    static func radios(
        name: String, legend: String, options: [(value: String, label: String, hint: String?)], selected: String?,
        error: String? = nil
    ) -> BodyNode {
        let id = "field-\(name)"
        var html =
            "<fieldset class=\"" + (error == nil ? "field fieldset" : "field fieldset field--error") + "\"" + attribute("id", id) + ">"
        html += "<legend class=\"field__label\">" + legend.textEscaped + "</legend>"
        if let error { html += "<p class=\"field__error\"><span class=\"visually-hidden\">Error: </span>" + error.textEscaped + "</p>" }
        for (index, option) in options.enumerated() {
            let optionID = "\(id)-\(index)"
            var attributes: [(String, String)] = [
                ("type", "radio"), ("id", optionID), ("name", name), ("value", option.value), ("class", "radio__input"),
            ]
            if option.value == selected { attributes.append(("checked", "checked")) }
            if option.hint != nil { attributes.append(("aria-describedby", "\(optionID)-hint")) }
            html +=
                "<div class=\"radio\">" + inputHTML(attributes) + "<label class=\"radio__label\"" + attribute("for", optionID) + ">"
                + option.label.textEscaped + "</label>"
            if let hint = option.hint {
                html += "<p class=\"field__hint\"" + attribute("id", optionID + "-hint") + ">" + hint.textEscaped + "</p>"
            }
            html += "</div>"
        }
        return .raw(html + "</fieldset>")
    }

    static func select(
        name: String, label: String, options: [(value: String, label: String)], selected: String?,
        hint: String? = nil, error: String? = nil
    ) -> BodyNode {
        let id = "field-\(name)"
        var html = "<div class=\"" + (error == nil ? "field" : "field field--error") + "\">"
        html += "<label class=\"field__label\"" + attribute("for", id) + ">" + label.textEscaped + "</label>"
        if let hint { html += "<p class=\"field__hint\">" + hint.textEscaped + "</p>" }
        if let error { html += "<p class=\"field__error\"><span class=\"visually-hidden\">Error: </span>" + error.textEscaped + "</p>" }
        html += "<select" + attribute("id", id) + attribute("name", name) + " class=\"input\">"
        // As bytes, escaped in place: a list of every unit has a thousand options, and joining
        // strings made several for each.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(options.reduce(0) { $0 + $1.value.utf8.count + $1.label.utf8.count + 40 })
        for option in options {
            bytes.append(contentsOf: "<option value=\"".utf8)
            option.value.appendEscaped(quotes: true, to: &bytes)
            bytes.append(contentsOf: option.value == selected ? "\" selected>".utf8 : "\">".utf8)
            option.label.appendEscaped(quotes: false, to: &bytes)
            bytes.append(contentsOf: "</option>".utf8)
        }
        html += String(decoding: bytes, as: UTF8.self)
        return .raw(html + "</select></div>")
    }

    /// Who can read what is written here (DESIGN.md: privacy is shown, not promised).
    static func privacy(_ label: String) -> BodyNode {
        .raw("<p class=\"privacy\">" + label.textEscaped + "</p>")
    }

    /// A button that posts a one-step form, such as "Cancel the conversation".
    static func actionButton(
        _ label: String, action: String, csrf: String, style: ButtonStyle = .secondary,
        hidden fields: [(String, String)] = []
    ) -> BodyNode {
        Markup.actionButton(label, action: action, csrf: csrf, style: style, hidden: fields).node
    }

    /// A checkbox; several with one name (`themes[]`) each need their own `id` and `value`.
    static func checkbox(
        name: String, label: String, checked: Bool, hint: String? = nil, id givenID: String? = nil, value: String = "yes"
    ) -> BodyNode {
        let id = givenID ?? "field-\(name)"
        var attributes: [(String, String)] = [
            ("type", "checkbox"), ("id", id), ("name", name), ("value", value), ("class", "checkbox__input"),
        ]
        if checked { attributes.append(("checked", "checked")) }
        if hint != nil { attributes.append(("aria-describedby", "\(id)-hint")) }
        var html =
            "<div class=\"checkbox\">" + inputHTML(attributes) + "<label class=\"checkbox__label\"" + attribute("for", id) + ">"
            + label.textEscaped + "</label>"
        if let hint { html += "<p class=\"field__hint\"" + attribute("id", id + "-hint") + ">" + hint.textEscaped + "</p>" }
        return .raw(html + "</div>")
    }

    /// A checkbox that chooses a row of a table, labelled for screen readers by what it chooses.
    enum ButtonStyle: String { case primary, secondary, warning, link }

    static func button(_ label: String, style: ButtonStyle = .primary) -> BodyNode { .raw(buttonHTML(label, style: style)) }

    /// A submit button that also sends its own name and value, for one of several actions a form offers.
    static func submitButton(_ label: String, name: String, value: String, style: ButtonStyle = .secondary) -> BodyNode {
        .raw(
            "<button type=\"submit\"" + attribute("name", name) + attribute("value", value) + " class=\"button button--" + style.rawValue
                + "\">" + label.textEscaped + "</button>")
    }

    fileprivate static func buttonHTML(_ label: String, style: ButtonStyle = .primary) -> String {
        "<button type=\"submit\" class=\"button button--" + style.rawValue + "\">" + label.textEscaped + "</button>"
    }

    /// The list of problems at the top of a form, each linking to its field.
    static func errorSummary(_ errors: [(field: String, message: String)]) -> BodyNode {
        guard !errors.isEmpty else { return .empty }
        var html = "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">"
        html += "<h2 class=\"error-summary__title\" id=\"error-summary-title\">There is a problem</h2><ul>"
        for error in errors {
            html += "<li><a" + attribute("href", "#field-" + error.field) + ">" + error.message.textEscaped + "</a></li>"
        }
        return .raw(html + "</ul></div>")
    }

    /// A form that sends its choices with GET, such as a list's filters: the page it shows can be
    /// bookmarked and shared, and it changes nothing, so it carries no form token.
    static func getForm(action: String, _ nodes: [BodyNode]) -> BodyNode {
        .group([.raw("<form method=\"get\"" + attribute("action", action) + " class=\"filter-form\">")] + nodes + [.raw("</form>")])
    }

    /// A search box that sends its query with GET, so results can be bookmarked and shared.
    static func searchForm(
        action: String, query: String, name: String = "q", label: String = "Search by name, email or job title",
        button: String = "Search"
    ) -> BodyNode {
        .raw(
            "<form method=\"get\"" + attribute("action", action) + " class=\"search\" role=\"search\">"
                + fieldHTML(name: name, label: label, value: query, type: "search")
                + buttonHTML(button, style: .secondary) + "</form>")
    }

    /// What someone wrote, shown where a field would be when it cannot be changed any more.
    static func readOnlyAnswer(label: String, value: String) -> BodyNode {
        .raw(
            "<div class=\"field\"><p class=\"field__label\">" + label.textEscaped + "</p><p class=\"answer\">"
                + (value.isEmpty ? "—" : value).textEscaped + "</p></div>")
    }

    /// A short form of one optional text field and a button, repeated down a list (a slot's "Book"):
    /// each needs its own `id`, so the labels stay tied to their fields.
    static func oneFieldForm(
        action: String, csrf: String, name: String, label: String, id: String, button: String, maxLength: Int
    ) -> BodyNode {
        .raw(
            "<form method=\"post\"" + attribute("action", action) + " class=\"one-field-form\">"
                + hiddenHTML(name: CSRF.fieldName, value: csrf)
                + "<label class=\"field__label\"" + attribute("for", id) + ">" + label.textEscaped
                + "</label><div class=\"one-field-form__row\">"
                + inputHTML([("type", "text"), ("id", id), ("name", name), ("class", "input"), ("maxlength", String(maxLength))])
                + buttonHTML(button, style: .primary) + "</div></form>")
    }

    /// A list of links, each followed by a few words of plain text (", suggested for 3 March").
    static func linkList(_ items: [(label: String, path: String, after: String)]) -> BodyNode {
        var html = "<ul class=\"link-list\">"
        for item in items { html += "<li>" + Markup.link(item.label, to: item.path).html + item.after.textEscaped + "</li>" }
        return .raw(html + "</ul>")
    }

    /// The numbered stages of a guided page, each a link to its section.
    static func stepper(label: String, steps: [(title: String, anchor: String)]) -> BodyNode {
        var html = "<nav class=\"stepper\"" + attribute("aria-label", label) + "><ol>"
        for step in steps { html += "<li>" + Markup.link(step.title, to: "#" + step.anchor).html + "</li>" }
        return .raw(html + "</ol></nav>")
    }

    /// A stage's heading with its number, and the tip that goes with it.
    static func stageHeading(number: Int, title: String, tip: String) -> BodyNode {
        .raw(
            "<h2><span class=\"stage-number\">\(number)</span> " + title.textEscaped + "</h2><p class=\"tip\"><strong>Tip: </strong>"
                + tip.textEscaped + "</p>")
    }

    /// A quiet box holding something from before, such as an earlier conversation's summary.
    static func mutedBox(_ nodes: [BodyNode]) -> BodyNode { el("div", [attr("class", "muted-box")] + nodes) }

    /// A paragraph in bold: the title of a block that has no heading of its own.
    static func strongParagraph(_ label: String) -> BodyNode { .raw("<p><strong>" + label.textEscaped + "</strong></p>") }

    /// Pieces of markup in a row with a separator between them, such as a list's filters.
    static func inline(_ items: [Markup], separator: String) -> BodyNode {
        .raw(items.map(\.html).joined(separator: separator.textEscaped))
    }

    /// The result of a check that advises and never blocks, such as SMART: what it found, and a
    /// sentence for each thing missing.
    static func adviceBox(title: String, met: [String], missing: [(name: String, advice: String)], id: String? = nil) -> BodyNode {
        var html = "<div class=\"advice\"" + attribute("id", id) + "><p class=\"advice__title\"><strong>" + title.textEscaped + "</strong>"
        if !met.isEmpty { html += " <span class=\"muted\">Meets: " + met.joined(separator: ", ").textEscaped + "</span>" }
        html += "</p>"
        if missing.isEmpty {
            html += "<p class=\"advice__good\">Nothing missing.</p>"
        } else {
            html += "<ul class=\"advice__list\">"
            for item in missing {
                html += "<li><strong>" + item.name.textEscaped + ":</strong> " + item.advice.textEscaped + "</li>"
            }
            html += "</ul>"
        }
        return .raw(html + "</div>")
    }

    /// A text with the words struck out and added since an earlier version, announced as such to
    /// screen readers and shown in print.
    static func wordDiff(_ pieces: [(kind: String, text: String)]) -> BodyNode {
        var html = "<p class=\"diff\">"
        for (index, piece) in pieces.enumerated() {
            if index > 0 { html += " " }
            switch piece.kind {
            case "added": html += "<ins><span class=\"visually-hidden\">added: </span>" + piece.text.textEscaped + "</ins>"
            case "removed": html += "<del><span class=\"visually-hidden\">struck out: </span>" + piece.text.textEscaped + "</del>"
            default: html += piece.text.textEscaped
            }
        }
        return .raw(html + "</p>")
    }

    static func pagination(current: Int, hasNext: Bool, link: (Int) -> String) -> BodyNode {
        guard current > 1 || hasNext else { return .empty }
        var html = "<nav class=\"pagination\" aria-label=\"Pages\"><ul>"
        if current > 1 { html += "<li>" + Markup.link("Previous page", to: link(current - 1), class: "pagination__link").html + "</li>" }
        html += "<li class=\"pagination__current\">Page \(current)</li>"
        if hasNext { html += "<li>" + Markup.link("Next page", to: link(current + 1), class: "pagination__link").html + "</li>" }
        return .raw(html + "</ul></nav>")
    }
}
