import Fluent
import SQLKit
import Vapor

func routes(_ app: Application) throws {
    app.get(SiteURL.health.pathComponents) { req async -> Response in
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1").all()
            return Response(status: .ok, body: .init(string: "ok\n"))
        } catch {
            req.logger.warning("Health check: the database does not answer: \(error)")
            return Response(status: .serviceUnavailable, body: .init(string: "the database does not answer\n"))
        }
    }
    app.get(SiteURL.stylesheet.pathComponents) { _ in Stylesheet.response() }
    // Liveness without touching the database; also the benchmark's ceiling.
    app.get(SiteURL.ping.pathComponents) { _ in "pong" }

    let site = app.grouped(CSRF(), SessionAuthenticator())
    SignInController().register(site)

    let signedIn = site.grouped(RequireSignIn())
    HomeController().register(signedIn)
    PeopleController().register(signedIn)
    UnitsController().register(signedIn)
    ConversationsController().register(signedIn)
    ConversationWorkController().register(signedIn)
    TeamController().register(signedIn)
    SharingController().register(signedIn)

    let administration = signedIn.grouped(RequireHRAdministrator())
    AdminController().register(administration)
    ProgrammeAdminController().register(administration)
}
