import FootholdCore
import FootholdData
import Foundation

/// HR's page of provisioning connections: what they are for, the address to give the identity
/// provider, a new connection's token once, and each connection with when it was last used.
enum ProvisioningPage {
    static func content(
        connections: [ProvisioningStore.Connection], made: (name: String, token: String)?, typed: String, problem: String?,
        revoked: Bool, scimBase: String, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        [
            H.errorSummary(problem.map { [(field: "name", message: $0)] } ?? []),
            H.heading(1, "Provisioning"),
            H.paragraph(
                "Your identity provider (such as Microsoft Entra ID or Okta) can keep Foothold's people up to date by itself: "
                    + "who joins, moves or leaves, and who their line manager is. Give it the address below and a token from here.",
                class: "lead"),
            revoked ? H.notice("The connection is revoked: its token opens nothing any more.", style: "success") : H.nothing,
            made.map { made in
                H.card(
                    H.heading(2, "The token for \(made.name)"),
                    H.paragraph(
                        "Copy it into your identity provider now. Foothold keeps only a fingerprint of it, so it cannot show it again; "
                            + "if it is lost, make a new connection and revoke this one."),
                    H.readOnlyAnswer(label: "Secret token", value: made.token),
                    H.readOnlyAnswer(label: "Tenant URL (SCIM address)", value: scimBase))
            } ?? H.nothing,
            H.summaryList([("SCIM address", H.text(scimBase))]),
            connectionsTable(connections, display: display, csrf: csrf),
            H.card(
                H.heading(2, "Make a connection"),
                H.form(
                    action: SiteURL.adminProvisioning.path, csrf: csrf,
                    [
                        H.field(
                            name: "name", label: "Name", value: typed, hint: "Which provider it is for, such as Entra ID", error: problem,
                            autocomplete: "off"),
                        H.button("Make the connection"),
                    ])),
        ]
    }

    private static func connectionsTable(_ connections: [ProvisioningStore.Connection], display: DisplayDate, csrf: String) -> BodyNode {
        guard !connections.isEmpty else {
            return H.emptyState("No connections yet", "Make one below, then give its token to your identity provider.")
        }
        return H.table(
            caption: "Connections", headers: ["Name", "Made", "Last used", "Status", ""],
            rows: connections.map { connection in
                [
                    H.text(connection.name), H.text(display.day(connection.createdAt)),
                    H.text(connection.lastUsedAt.map(display.dateTime) ?? "Not yet"),
                    connection.revokedAt == nil ? H.tag("Working", .met) : H.tag("Revoked", .inactive),
                    connection.revokedAt == nil
                        ? H.actionButton("Revoke", action: SiteURL.adminProvisioningRevoke(connection.id).path, csrf: csrf, style: .warning)
                        : H.nothing,
                ]
            }, stacked: true)
    }
}
