import FootholdCore
import FootholdData
import Vapor

func routes(_ app: Application) throws {
    app.get(SiteURL.health) { req async -> Response in
        switch await req.application.databaseAnswers() {
        case .success: return Response(status: .ok, body: .init(string: "ok\n"))
        case .failure(let error):
            req.logger.warning("Health check: the database does not answer: \(error)")
            return Response(status: .serviceUnavailable, body: .init(string: "the database does not answer\n"))
        }
    }
    app.get(SiteURL.stylesheet) { _ in Stylesheet.response() }
    app.get(SiteURL.script) { _ in Script.response() }
    // Liveness without touching the database; also the benchmark's ceiling.
    app.get(SiteURL.ping) { _ in "pong" }

    // Every route below is the site's: `SiteMiddleware` checks form tokens, finds who is signed in
    // and enforces the access each group names.
    SignInController().register(app.access(.open))
    ForgotPasswordController().register(app.access(.open))
    SingleSignOnController().register(app.access(.open))

    let signedIn = app.access(.signedIn)
    HomeController().register(signedIn)
    PeopleController().register(signedIn)
    UnitsController().register(signedIn)
    ConversationsController().register(signedIn)
    ConversationWorkController().register(signedIn)
    ReflectionController().register(signedIn)
    TeamController().register(signedIn)
    ActionsController().register(signedIn)
    PlanController().register(signedIn)
    JournalController().register(signedIn)
    MyDataController().register(signedIn)
    SharingController().register(signedIn)
    PasswordController().register(signedIn)
    MonitoringController().register(signedIn)
    ThemeReportController().register(signedIn)
    SlotsController().register(signedIn)
    OpportunitiesController().register(signedIn)
    StoriesController().register(signedIn)
    RemindersController().register(signedIn)
    RemindersController().registerSecretLinks(app.access(.secretLink))

    let administration = app.access(.hrAdministrator)
    AdminController().register(administration)
    InvitationsController().register(administration)
    ProgrammeAdminController().register(administration)
    AnonymityController().register(administration)
    ResourcesController().register(administration)
    ReminderAdminController().register(administration)
    ProvisioningController().register(administration)

    // SCIM for the identity provider: its own bearer tokens, no session and no form token.
    SCIMController().register(app.access(.provisioning))
}
