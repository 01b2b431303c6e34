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

    static func render(title: String, context: Context, breadcrumbs: [(label: String, path: String)] = [],
                       content: [BodyNode]) -> String {
        // The parts that never change are written once; Plot renders the rest.
        let body: BodyNode = .group(
            header(context),
            H.el("div", class: "container",
                 breadcrumbTrail(breadcrumbs),
                 H.el("main", [H.attr("id", "main"), H.attr("class", "main"), H.attr("tabindex", "-1")] + content)))
        return Self.beforeTitle + "\(title) – Foothold".textEscaped + Self.afterTitle + body.render() + Self.footer
    }

    static let beforeTitle = """
        <!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"/>\
        <meta name="viewport" content="width=device-width, initial-scale=1"/><title>
        """
    static let afterTitle = """
        </title><link rel="stylesheet" href="\(SiteURL.stylesheet.path.attributeEscaped)"/></head><body>\
        <a href="#main" class="skip-link">Skip to main content</a>
        """
    static let footer = """
        <footer class="site-footer"><div class="container"><p>Foothold keeps career conversations confidential: \
        what you say stays between you and the people you choose.</p></div></footer></body></html>
        """

    static func header(_ context: Context) -> BodyNode {
        var nodes: [BodyNode] = [H.link("Foothold", to: SiteURL.home.path, class: "brand")]
        if let viewer = context.viewer {
            var items: [(String, String)] = [("Home", SiteURL.home.path), ("Conversations", SiteURL.conversations.path), ("People", SiteURL.people.path)]
            if viewer.isHRAdministrator { items.append(("Administration", SiteURL.admin.path)) }
            nodes.append(H.el("nav", [H.attr("class", "site-nav"), H.attr("aria-label", "Main")],
                              H.el("ul", items.map { label, path in
                                  let current = path == "/" ? context.currentPath == "/" : context.currentPath.hasPrefix(path)
                                  return H.el("li", [H.el("a", [H.attr("href", path)] + (current ? [H.attr("aria-current", "page")] : []) + [H.text(label)])])
                              })))
            nodes.append(H.el("div", class: "account",
                              H.el("span", class: "account__name", H.text(viewer.name)),
                              H.form(action: SiteURL.signOut.path, csrf: context.csrfToken, class: "account__form", [H.button("Sign out", style: .link)])))
        }
        return H.el("header", class: "site-header", H.el("div", [H.attr("class", "container site-header__inner")] + nodes))
    }

    static func breadcrumbTrail(_ crumbs: [(label: String, path: String)]) -> BodyNode {
        guard !crumbs.isEmpty else { return .empty }
        return H.el("nav", [H.attr("class", "breadcrumbs"), H.attr("aria-label", "Breadcrumb")],
                    H.el("ol", crumbs.map { H.el("li", H.link($0.label, to: $0.path)) }))
    }
}

extension Request {
    var layoutContext: Layout.Context {
        Layout.Context(viewer: viewer, csrfToken: csrfToken, currentPath: url.path)
    }

    /// A rendered page. Pages may hold personal information, so they are never cached.
    func page(_ title: String, status: HTTPResponseStatus = .ok, breadcrumbs: [(label: String, path: String)] = [],
              _ content: [BodyNode]) -> Response {
        let html = Layout.render(title: title, context: layoutContext, breadcrumbs: breadcrumbs, content: content)
        return Response.html(html, status: status)
    }
}

extension Response {
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        headers.replaceOrAdd(name: "Content-Security-Policy",
                             value: "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    static func redirect(to path: String) -> Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: path)
        return response
    }
}
