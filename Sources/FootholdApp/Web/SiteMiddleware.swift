import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Who may use a route. Every route of the site is registered through `routes.access(_:)`, which
/// records this on the route for `SiteMiddleware` to enforce.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not (signing in, setting a password).
    case open
    case signedIn
    case hrAdministrator
    /// Anyone holding the link's secret, signed in or not, with no form token: the secret in the
    /// address is the proof (the one-click unsubscribe of RFC 8058, posted by a mail client).
    case secretLink
    /// An identity provider over SCIM, with a provisioning connection's bearer token, which the
    /// SCIM routes check themselves: no session, no form token, and none of the site's pages.
    case provisioning

    static let key = "foothold.access"
}

extension RoutesBuilder {
    /// Routes added through the result carry `access`.
    func access(_ access: Access) -> any RoutesBuilder { AccessGroup(root: self, access: access) }
}

private struct AccessGroup: RoutesBuilder {
    let root: any RoutesBuilder
    let access: Access

    func add(_ route: Route) {
        route.userInfo[Access.key] = access
        root.add(route)
    }
}

/// The one middleware: every request passes through it once (decision 0009).
///
/// For the site's routes it checks the form token on anything that changes something (`CSRF`),
/// finds who is signed in (`Sessions`), enforces the route's `Access`, and runs the route; any
/// error, there or elsewhere, becomes a page a person can act on, in the site's layout, with the
/// right status. Server errors are logged in full; the page never shows internals.
///
/// It is one middleware rather than five because each of Vapor's async middlewares starts a task of
/// its own and waits for the next one's future: five tasks a request, where a page's own work is one.
/// For the same reason it calls a route's async handler directly when the route has nothing else in
/// front of it (a route grouped with another middleware is reached through `next`, as usual).
struct SiteMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let access = request.route?.userInfo[Access.key] as? Access, access != .provisioning else {
            // The health check, the stylesheet, and addresses with no route.
            return next.respond(to: request).flatMapError { error in
                request.eventLoop.makeSucceededFuture(self.response(for: error, request: request))
            }.map {
                SecurityHeaders.add(
                    to: $0, https: request.application.footholdConfiguration.usesHTTPS,
                    policy: request.application.foothold.contentSecurityPolicy)
            }
        }
        let promise = request.eventLoop.makePromise(of: Response.self)
        promise.completeWithTask {
            SecurityHeaders.add(
                to: await self.serve(request, access: access, next: next), https: request.application.footholdConfiguration.usesHTTPS,
                policy: request.application.foothold.contentSecurityPolicy)
        }
        return promise.futureResult
    }

    /// A request to one of the site's routes, in one task.
    private func serve(_ request: Request, access: Access, next: any Responder) async -> Response {
        do {
            let token = CSRF.token(for: request)
            var response: Response
            do {
                var knowsViewer = false
                func findViewer() async throws {
                    knowsViewer = true
                    if let sessionToken = request.sessionCookie, !sessionToken.isEmpty, sessionToken.utf8.count <= 128 {
                        request.viewer = try await Sessions.viewer(
                            forToken: sessionToken, now: request.now,
                            idle: request.application.footholdConfiguration.sessionIdle, on: request.reads)
                        if let viewer = request.viewer { request.csrfToken = CSRF.sessionBound(viewer) }
                    }
                }
                if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
                    // Bodies are limited before anyone is known: only an HR administrator's upload may be large.
                    var limit = RequestLimits.formBody
                    if let upload = RequestLimits.upload(for: request.url.path) {
                        try await findViewer()
                        if request.viewer?.isHRAdministrator == true { limit = upload }
                    }
                    // A declared length over the limit is refused unread; a body that arrived whole
                    // (Vapor does not stream those) is measured.
                    if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
                        throw SiteError.tooLarge(limit: limit)
                    }
                    do {
                        let body = try await request.body.collect(max: limit).get()
                        if (body?.readableBytes ?? 0) > limit { throw SiteError.tooLarge(limit: limit) }
                    } catch let error as any AbortError where error.status == .payloadTooLarge {
                        throw SiteError.tooLarge(limit: limit)
                    }
                }
                try RequestLimits.checkText(of: request)
                if !knowsViewer { try await findViewer() }
                if access != .secretLink { try await CSRF.check(request, token: token) }
                switch access {
                case .open, .secretLink, .provisioning: break
                case .signedIn: _ = try request.requireViewer()
                case .hrAdministrator: guard try request.requireViewer().isHRAdministrator else { throw SiteError.forbidden }
                }
                if let handler = request.route?.responder as? any AsyncResponder {
                    response = try await handler.respond(to: request)
                } else {
                    response = try await next.respond(to: request).get()
                }
                // Anything sent may change what monitoring counts: a conversation held, a report, an import.
                if request.method == .POST && response.status.code < 400 { request.application.monitoring.changed() }
            } catch {
                response = self.response(for: error, request: request)
            }
            CSRF.setCookie(on: response, token: token, request: request)
            return response
        }
    }

    func response(for error: any Error, request: Request) -> Response {
        switch error {
        case SiteError.signInRequired:
            if request.method == .GET {
                return .redirect(to: SiteURL.signIn.with(query: [("next", request.url.string)]))
            }
            return page(request, .unauthorized, "Please sign in", "You need to sign in to do that.", link: ("Sign in", SiteURL.signIn.path))
        // The one place the domain's and the stores' errors become pages.
        case SiteError.forbidden, Refusal.notAllowed:
            return forbidden(request)
        case SiteError.notFound, Refusal.hidden, StoreError.notFound:
            return notFound(request)
        case SiteError.badInput(let why):
            return page(
                request, .badRequest, "Something in that request was not right", why + " Nothing was saved.",
                link: ("Go to your home page", SiteURL.home.path))
        case SiteError.tooLarge(let limit):
            let what = limit > RequestLimits.formBody ? "That file is too large" : "That was more than a form can hold"
            return page(
                request, .payloadTooLarge, what,
                "Foothold accepts up to \(RequestLimits.describe(limit)) here. Nothing was saved. Go back and send less: split the file, or shorten what you wrote.",
                link: ("Go back", request.url.path))
        case SiteError.expiredForm:
            return page(
                request, .forbidden, "This form has expired",
                "For your security, forms work only for a while and only from Foothold itself. Nothing was saved. Go back, reload the page and try again.",
                link: ("Go to your home page", SiteURL.home.path))
        case is PasswordWork.Busy:
            // More passwords to check at once than the queue holds: a burst, told when to come back.
            return comeBack(
                request, .tooManyRequests, because: "too many passwords at once", "Too many sign-ins at once",
                "Foothold is checking a great many passwords at this moment.")
        case is ConnectionPoolTimeoutError:
            // More at once than can be served in time: say so, and when to come back; never a 500.
            return comeBack(
                request, .serviceUnavailable, because: "too busy (\(error))", "Foothold is very busy",
                "Too many people are doing this at the same moment.")
        case is ConversationWrites.Stale:
            return page(
                request, .conflict, "This conversation changed while you were working on it",
                "Someone else changed it a moment ago (it may have been cancelled, answered or marked held), so nothing was saved. Open it again to see where it stands.",
                link: ("Go to your conversations", SiteURL.conversations.path))
        default:
            break
        }
        let status = (error as? any AbortError)?.status ?? .internalServerError
        switch status.code {
        case 403: return forbidden(request)
        case 404, 405: return notFound(request)
        case 413:
            return page(
                request, .payloadTooLarge, "That was too large",
                "Foothold could not take that much at once. Nothing was saved. Go back and send less.",
                link: ("Go back", request.url.path))
        case 400..<500:
            return page(
                request, status, "Something in that request was not right", "Go back and check what you entered, then try again.",
                link: ("Go to your home page", SiteURL.home.path))
        default:
            request.logger.error("\(request.method) \(Self.loggablePath(of: request)) failed: \(String(reflecting: error))")
            return page(
                request, .internalServerError, "Sorry, something went wrong",
                "Foothold could not finish that. Nothing you had saved is lost. Try again in a moment; if it keeps happening, tell your HR administrator.",
                link: ("Go to your home page", SiteURL.home.path))
        }
    }

    /// The route's pattern (`/set-password/:token`), never the address itself: an address can
    /// carry a secret, such as an invitation link's token, and logs are read by more people.
    static func loggablePath(of request: Request) -> String {
        guard let route = request.route else { return "(an address with no route)" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }

    /// Refusals are logged by the route's pattern, never the address's values (which can carry
    /// someone's id or a secret): enough to see someone probing, nothing to learn from.
    func logRefusal(_ status: HTTPResponseStatus, _ request: Request) {
        request.logger.notice("\(status.code) \(request.method) \(Self.loggablePath(of: request))")
    }

    /// A request turned away because too much is happening at once: logged, said so, nothing
    /// saved, and when to come back (`Retry-After`); never a 500.
    func comeBack(_ request: Request, _ status: HTTPResponseStatus, because reason: String, _ title: String, _ what: String)
        -> Response
    {
        request.logger.warning("\(request.method) \(Self.loggablePath(of: request)) turned away: \(reason)")
        let response = page(
            request, status, title, what + " Nothing was saved. Wait a few seconds and try again.", link: ("Try again", request.url.path))
        response.headers.replaceOrAdd(name: .retryAfter, value: String(PasswordWork.retryAfter))
        return response
    }

    func forbidden(_ request: Request) -> Response {
        logRefusal(.forbidden, request)
        return page(
            request, .forbidden, "You do not have access to this page",
            "This page is for people with a different role in Foothold. If you think you should see it, ask your HR administrator.",
            link: ("Go to your home page", SiteURL.home.path))
    }

    func notFound(_ request: Request) -> Response {
        logRefusal(.notFound, request)
        return page(
            request, .notFound, "Page not found",
            "If you typed the address, check it is right. If you followed a link, the page may have moved or the person may have left.",
            link: ("Go to your home page", SiteURL.home.path))
    }

    func page(_ request: Request, _ status: HTTPResponseStatus, _ title: String, _ explanation: String, link: (String, String)) -> Response
    {
        request.page(
            title, status: status,
            [
                H.el(
                    "div", class: "narrow",
                    H.heading(1, title),
                    H.paragraph(explanation),
                    H.link(link.0, to: link.1, class: "button button--secondary"))
            ])
    }
}
