import Foundation

/// What the audit log records besides reads and changes of conversation records (SPEC §7). Never
/// what anyone wrote: the detail of an event is a count or a name of a role, a unit or a person.
public enum AuditEvent: String, Sendable, CaseIterable {
    case signedIn = "signed in"
    case signInFailed = "sign-in failed"
    case passwordSet = "set a password"
    case peopleImported = "imported people"
    case roleChanged = "changed a role"
    case reportingLineChanged = "changed a reporting line"
    case leftOrganisation = "marked as having left"
    case careerYearChanged = "changed the career year"
    case themesChanged = "changed the themes"
    case questionBankChanged = "changed the question bank"
    case sharingChanged = "changed what their line manager can see"
}
