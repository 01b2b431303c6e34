import FootholdCore
import FootholdData
import Foundation
import Plot
import Vapor

/// The one layout every page shares: skip link, header with navigation, main, footer.
enum Layout {
    struct Context {
        var viewer: Viewer?
        var csrfToken: String
        var currentPath: String
    }

    static func render(
        title: String, context: Context, breadcrumbs: [(label: String, path: String)] = [],
        content: [BodyNode]
    ) -> String {
        // The frame is written as strings; Plot renders only the page's own content.
        let body: BodyNode = .group(content)
        return Self.beforeTitle + "\(title) – Foothold".textEscaped + Self.afterTitle + header(context) + "<div class=\"container\">"
            + breadcrumbTrail(breadcrumbs) + "<main id=\"main\" class=\"main\" tabindex=\"-1\">" + body.render() + "</main></div>"
            + Self.footer
    }

    static let beforeTitle = """
        <!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"/>\
        <meta name="viewport" content="width=device-width, initial-scale=1"/><title>
        """
    static let afterTitle = """
        </title><link rel="stylesheet" href="\(SiteURL.stylesheet.path.attributeEscaped)"/>\
        <script src="\(SiteURL.script.path.attributeEscaped)" defer></script></head><body>\
        <a href="#main" class="skip-link">Skip to main content</a>
        """
    static let footer = """
        <footer class="site-footer"><div class="container"><p>Foothold keeps career conversations confidential: \
        what you say stays between you and the people you choose.</p></div></footer></body></html>
        """

    /// The site header, written as a string: every page has one.
    static func header(_ context: Context) -> String {
        var html =
            "<header class=\"site-header\"><div class=\"container site-header__inner\"><a href=\"" + SiteURL.home.path.attributeEscaped
            + "\" class=\"brand\">Foothold</a>"
        if let viewer = context.viewer {
            var items: [(String, String)] = [("Home", SiteURL.home.path)]
            if viewer.hasReports { items.append(("Team", SiteURL.team.path)) }
            items += [
                ("Conversations", SiteURL.conversations.path), ("Actions", SiteURL.myActions.path), ("Plan", SiteURL.plan.path),
                ("Opportunities", SiteURL.opportunities.path), ("People", SiteURL.people.path),
            ]
            if viewer.seesMonitoring { items.append(("Monitoring", SiteURL.monitoring.path)) }
            if viewer.isHRAdministrator { items.append(("Administration", SiteURL.admin.path)) }
            html += "<nav class=\"site-nav\" aria-label=\"Main\"><ul>"
            for (label, path) in items {
                let current = path == "/" ? context.currentPath == "/" : context.currentPath.hasPrefix(path)
                html +=
                    "<li><a href=\"" + path.attributeEscaped + "\"" + (current ? " aria-current=\"page\"" : "") + ">" + label.textEscaped
                    + "</a></li>"
            }
            html += "</ul></nav><div class=\"account\">" + notificationsLink(viewer, currentPath: context.currentPath)
            html += "<span class=\"account__name\">" + viewer.name.textEscaped + "</span>"
            html += H.form(
                action: SiteURL.signOut.path, csrf: context.csrfToken, class: "account__form", [H.button("Sign out", style: .link)]
            ).render()
            html += "</div>"
        }
        return html + "</div></header>"
    }

    /// "Notifications", with the count of those unread when there are any (99+ beyond 99).
    static func notificationsLink(_ viewer: Viewer, currentPath: String) -> String {
        let count = viewer.unreadNotifications
        let label = count == 0 ? "Notifications" : "Notifications, \(count) unread"
        let current = currentPath.hasPrefix(SiteURL.notifications.path) ? " aria-current=\"page\"" : ""
        var html = "<a class=\"account__notifications\" href=\"" + SiteURL.notifications.path.attributeEscaped + "\" aria-label=\""
        html += label.attributeEscaped + "\"" + current + ">Notifications"
        if count > 0 { html += " <span class=\"count\" aria-hidden=\"true\">" + (count > 99 ? "99+" : String(count)) + "</span>" }
        return html + "</a>"
    }

    static func breadcrumbTrail(_ crumbs: [(label: String, path: String)]) -> String {
        guard !crumbs.isEmpty else { return "" }
        var html = "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol>"
        for crumb in crumbs { html += "<li><a href=\"" + crumb.path.attributeEscaped + "\">" + crumb.label.textEscaped + "</a></li>" }
        return html + "</ol></nav>"
    }
}

extension Request {
    var layoutContext: Layout.Context {
        Layout.Context(viewer: viewer, csrfToken: csrfToken, currentPath: url.path)
    }

    /// A rendered page. Pages may hold personal information, so they are never cached.
    func page(
        _ title: String, status: HTTPResponseStatus = .ok, breadcrumbs: [(label: String, path: String)] = [],
        _ content: [BodyNode]
    ) -> Response {
        let html = Layout.render(title: title, context: layoutContext, breadcrumbs: breadcrumbs, content: content)
        return Response.html(html, status: status)
    }
}

extension Response {
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    static func redirect(to path: String) -> Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: path)
        return response
    }
}
