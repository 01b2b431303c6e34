import Foundation

/// What the audit log records besides reads and changes of conversation records (SPEC §7). Never
/// what anyone wrote: the detail of an event is a count or a name of a role, a unit or a person.
public enum AuditEvent: String, Sendable, CaseIterable {
    case signedIn = "signed in"
    case signInFailed = "sign-in failed"
    /// Signed in with the organisation's account (decision 0025).
    case signedInWithProvider = "signed in with the organisation's account"
    /// A sign-in with the organisation's account was refused; the detail says why, never a claim's value.
    case providerSignInRefused = "sign-in with the organisation's account refused"
    /// A password sign-in refused because the organisation signs people in with its own accounts.
    case passwordSignInOff = "password sign-in refused: the organisation's accounts only"
    /// A provisioning connection was made or revoked (the detail names it).
    case provisioningChanged = "changed the provisioning connections"
    case passwordSet = "set a password"
    case peopleImported = "imported people"
    case roleChanged = "changed a role"
    case reportingLineChanged = "changed a reporting line"
    case leftOrganisation = "marked as having left"
    case careerYearChanged = "changed the career year"
    case themesChanged = "changed the themes"
    case questionBankChanged = "changed the question bank"
    case sharingChanged = "changed what their line manager can see"
    /// An action of the employee's own, with no conversation (the detail says what was done).
    case actionChanged = "changed an action of their own"
    case planChanged = "changed their career plan"
    case planSharingChanged = "changed who can see their career plan"
    /// A guide read a plan its owner shows them.
    case planViewed = "read a career plan shown to them"
    case journalChanged = "changed their journal"
    case reflectionChanged = "changed a reflection"
    case dataExported = "downloaded their data"
    case anonymityChanged = "changed the anonymity threshold"
    case themeReportSent = "sent a theme report"
    /// A checkpoint's theme figures were published, once (decision 0021); the detail counts reports.
    case themesPublished = "published theme figures"
    case themeReportingChanged = "changed when theme figures are published"
    case unitResponseChanged = "changed a response to a unit"
    case teamRequestChanged = "changed a team request"
    case storyConsentChanged = "changed their consent to publish a success story"
    case remindersChanged = "changed the reminder and retention settings"
    case retentionDeleted = "deleted private notes and preparation past the retention period"
    /// Who heads a unit decides who sees its monitoring: a change of head is a change of access.
    case unitHeadChanged = "changed who heads a unit"
    case resourcesChanged = "changed the resources"
    case opportunitiesChanged = "changed the opportunities"
    /// An invitation to Foothold was recorded for sending (decision 0022); by whoever asked.
    case invitationSent = "sent an invitation to Foothold"
    case passwordResetSent = "sent a link to choose a new password"
}
