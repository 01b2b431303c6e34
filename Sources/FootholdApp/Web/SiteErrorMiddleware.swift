import Foundation
import Vapor

/// Turns every error into a page a person can act on, in the site's layout, with the right status.
/// Server errors are logged in full; the page never shows internals.
struct SiteErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await SQLiteReads.$current.withValue(request.application.sqliteReads) {
                try await next.respond(to: request)
            }
        } catch {
            return response(for: error, request: request)
        }
    }

    func response(for error: any Error, request: Request) -> Response {
        switch error {
        case SiteError.signInRequired:
            if request.method == .GET {
                return .redirect(to: SiteURL.signIn.with(query: [("next", request.url.string)]))
            }
            return page(request, .unauthorized, "Please sign in", "You need to sign in to do that.", link: ("Sign in", SiteURL.signIn.path))
        case SiteError.forbidden:
            return forbidden(request)
        case SiteError.notFound:
            return notFound(request)
        case SiteError.expiredForm:
            return page(request, .forbidden, "This form has expired",
                        "For your security, forms work only for a while and only from Foothold itself. Nothing was saved. Go back, reload the page and try again.",
                        link: ("Go to your home page", SiteURL.home.path))
        default:
            break
        }
        let status = (error as? any AbortError)?.status ?? .internalServerError
        switch status.code {
        case 403: return forbidden(request)
        case 404, 405: return notFound(request)
        case 413:
            return page(request, .payloadTooLarge, "That file is too large", "Foothold accepts files of up to 50 MB. Split the file, or remove columns Foothold does not use.",
                        link: ("Go back", request.url.path))
        case 400..<500:
            return page(request, status, "Something in that request was not right", "Go back and check what you entered, then try again.",
                        link: ("Go to your home page", SiteURL.home.path))
        default:
            request.logger.error("\(request.method) \(request.url.path) failed: \(String(reflecting: error))")
            return page(request, .internalServerError, "Sorry, something went wrong",
                        "Foothold could not finish that. Nothing you had saved is lost. Try again in a moment; if it keeps happening, tell your HR administrator.",
                        link: ("Go to your home page", SiteURL.home.path))
        }
    }

    func forbidden(_ request: Request) -> Response {
        page(request, .forbidden, "You do not have access to this page",
             "This page is for people with a different role in Foothold. If you think you should see it, ask your HR administrator.",
             link: ("Go to your home page", SiteURL.home.path))
    }

    func notFound(_ request: Request) -> Response {
        page(request, .notFound, "Page not found",
             "If you typed the address, check it is right. If you followed a link, the page may have moved or the person may have left.",
             link: ("Go to your home page", SiteURL.home.path))
    }

    func page(_ request: Request, _ status: HTTPResponseStatus, _ title: String, _ explanation: String, link: (String, String)) -> Response {
        request.page(title, status: status, [
            H.el("div", class: "narrow",
                 H.heading(1, title),
                 H.paragraph(explanation),
                 H.link(link.0, to: link.1, class: "button button--secondary")),
        ])
    }
}
