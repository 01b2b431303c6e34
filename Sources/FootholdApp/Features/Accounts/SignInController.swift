import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Signing in with email and password, signing out, and setting a password from an invitation.
struct SignInController {
    static let wrongCredentials = "The email address or password is not right. Check both and try again."

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.signIn, use: showSignIn)
        routes.post(SiteURL.signIn, use: signIn)
        routes.post(SiteURL.signOut, use: signOut)
        routes.get(SiteURL.setPassword, use: showSetPassword)
        routes.post(SiteURL.setPassword, use: setPassword)
    }

    @Sendable func showSignIn(req: Request) async throws -> Response {
        if req.viewer != nil { return .redirect(to: SiteURL.home.path) }
        let next = SafeDestination.path(req.queryValue("next"))
        return req.page(
            "Sign in", SignInPage.content(csrf: req.csrfToken, email: "", next: next, errors: [], ways: Self.ways(req, next: next)))
    }

    /// The ways in the sign-in page offers: the organisation's account when it is set up, and a
    /// password for everyone, or, when the organisation has turned passwords off, only behind a
    /// link for its named administrators.
    static func ways(_ req: Request, next: String?) -> SignInPage.Ways {
        let configuration = req.application.footholdConfiguration
        let provider = configuration.singleSignOn.map { settings in
            (label: settings.buttonLabel, address: SiteURL.signInWithProvider.with(query: [("next", next)]))
        }
        let passwords: SignInPage.Ways.Passwords =
            switch configuration.passwordSignIn {
            case .everyone: .everyone
            case .only: req.queryValue("with") == "password" ? .administratorsShown : .administratorsBehindLink
            }
        return SignInPage.Ways(provider: provider, passwords: passwords, next: next)
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInPage.SignInForm.self)
        let typedEmail = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        let next = SafeDestination.path(form.next)
        var errors: [(field: String, message: String)] = []
        if typedEmail.isEmpty { errors.append(("email", "Enter your email address")) }
        if password.isEmpty { errors.append(("password", "Enter your password")) }
        let ways = Self.ways(req, next: next)
        guard errors.isEmpty else {
            return req.page(
                "Sign in", status: .badRequest,
                SignInPage.content(csrf: req.csrfToken, email: typedEmail, next: next, errors: errors, ways: ways))
        }

        let email = EmailAddress.normalised(typedEmail)
        let now = req.now
        // With passwords kept for named administrators, an address not named is refused exactly as
        // a wrong password is, after the same throttle and the same bcrypt, so neither the answer
        // nor its time tells anyone who may still use a password.
        let passwordsOff = req.application.footholdConfiguration.passwordSignIn != .everyone
        let allowed = req.application.footholdConfiguration.passwordSignIn.allows(email)
        let wrong = passwordsOff ? SignInPage.wrongOrPasswordsOff : Self.wrongCredentials
        let keys = SignInThrottle.keys(email: email, address: req.clientAddress)
        // Counted before the password is checked: a burst is held to the allowance, however many at once.
        let reservation = try await SignInAttempts.reserve(keys: keys, now: now, on: req.database)
        if let wait = reservation.wait {
            let minutes = max(1, Int((wait / 60).rounded(.up)))
            let message = "There have been too many attempts to sign in. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again."
            let response = req.page(
                "Sign in", status: .tooManyRequests,
                SignInPage.content(csrf: req.csrfToken, email: typedEmail, next: next, errors: [("email", message)], ways: ways))
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up))))
            return response
        }

        let candidate =
            allowed && email.utf8.count <= SignInThrottle.longestEmail
            ? try await Accounts(app: req.application).signInCandidate(email: email) : nil
        // Always run bcrypt once, so the time taken does not tell whether the address is known.
        let digest = candidate?.passwordHash ?? req.application.foothold.signInDecoyHash
        let matches: Bool
        do {
            matches = try await req.application.passwordWork.verify(password, against: digest)
        } catch let busy as PasswordWork.Busy {
            // Turned away unchecked: it does not count against anyone.
            try await SignInAttempts.refund(keys: keys, reservation, on: req.database)
            throw busy
        }

        guard matches, let person = candidate, person.passwordHash != nil else {
            try await AuditLog.record(
                allowed ? .signInFailed : .passwordSignInOff, by: nil, about: candidate?.personID, at: now, on: req.database)
            return req.page(
                "Sign in", status: .unauthorized,
                SignInPage.content(csrf: req.csrfToken, email: typedEmail, next: next, errors: [("email", wrong)], ways: ways))
        }
        try await SignInAttempts.succeeded(keys: keys, reservation, on: req.database)
        try await AuditLog.record(.signedIn, by: person.personID, about: person.personID, at: now, on: req.database)
        return try await Self.signedIn(person.personID, req: req, to: next ?? SiteURL.home.path)
    }

    /// A new session for the person, its cookie, and the way on.
    static func signedIn(_ personID: UUID, req: Request, to destination: String, singleSignOn: Bool = false) async throws -> Response {
        let configuration = req.application.footholdConfiguration
        let clients = req.clients
        let token = clients.makeToken()
        // Whoever was signed in in this browser is no longer.
        if let viewer = req.viewer { try await Sessions.end(viewer.sessionID, on: req.database) }
        try await Sessions.create(
            for: personID, token: token, id: clients.makeID(), at: clients.now(), idle: configuration.sessionIdle,
            singleSignOn: singleSignOn, on: req.database)
        let response = Response.redirect(to: destination)
        response.cookies[SessionCookie.name(https: configuration.usesHTTPS)] = SessionCookie.cookie(token, secure: configuration.usesHTTPS)
        return response
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        var destination = SiteURL.signIn.path
        if let viewer = req.viewer {
            try await Sessions.end(viewer.sessionID, on: req.database)
            // Signed in at the provider: its session ends too, where it offers that (RP-initiated logout).
            if viewer.signedInWithProvider, let provider = req.application.foothold.identityProvider,
                let discovery = try? await provider.discovery(on: req.application), let ending = discovery.endSessionEndpoint
            {
                destination = provider.endSessionAddress(
                    ending, returnTo: req.application.footholdConfiguration.baseURL + SiteURL.signIn.path)
            }
        }
        let response = Response.redirect(to: destination)
        let https = req.application.footholdConfiguration.usesHTTPS
        response.cookies[SessionCookie.name(https: https)] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: https, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    @Sendable func showSetPassword(req: Request) async throws -> Response {
        let token = req.parameters.get(SiteURL.tokenParameter) ?? ""
        guard let holder = try await Accounts(app: req.application).linkHolder(token: token) else {
            return req.page("This link no longer works", status: .notFound, SignInPage.linkNotUsable())
        }
        if let refused = Self.passwordsOff(for: holder, req: req) { return refused }
        return req.page("Set your password", SignInPage.setPassword(csrf: req.csrfToken, token: token, errors: []))
    }

    @Sendable func setPassword(req: Request) async throws -> Response {
        let token = req.parameters.get(SiteURL.tokenParameter) ?? ""
        if let holder = try await Accounts(app: req.application).linkHolder(token: token),
            let refused = Self.passwordsOff(for: holder, req: req)
        {
            return refused
        }
        let form = try req.content.decode(SignInPage.SetPasswordForm.self)
        let password = form.password ?? ""
        var errors: [(field: String, message: String)] = []
        if let problem = PasswordRules.problem(with: password) {
            errors.append(("password", problem))
        } else if password != (form.confirmation ?? "") {
            errors.append(("confirmation", "The two passwords are not the same"))
        }
        guard errors.isEmpty else {
            return req.page(
                "Set your password", status: .badRequest, SignInPage.setPassword(csrf: req.csrfToken, token: token, errors: errors))
        }
        let personID: UUID
        do {
            personID = try await Accounts(app: req.application).redeemInvitation(token: token, password: password)
        } catch Accounts.Problem.linkNotUsable {
            return req.page("This link no longer works", status: .notFound, SignInPage.linkNotUsable())
        }
        return try await Self.signedIn(personID, req: req, to: SiteURL.home.path)
    }

    /// When the organisation signs people in with its own accounts, a link to set a password
    /// works only for its named administrators; everyone else is shown the way in they have.
    static func passwordsOff(for email: String, req: Request) -> Response? {
        guard !req.application.footholdConfiguration.passwordSignIn.allows(email) else { return nil }
        return req.page(
            "Sign in with your organisation's account", status: .forbidden, SignInPage.passwordsOffPage(ways: ways(req, next: nil)))
    }
}
