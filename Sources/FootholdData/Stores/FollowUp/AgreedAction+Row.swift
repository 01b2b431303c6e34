import FootholdCore
import Foundation
import SQLKit

extension AgreedAction {
    /// Straight from a row selected with `AgreedActionModel.columns(alias)`, with no Fluent model
    /// in between: a page of sixty actions spent most of its time making and dropping models.
    package init(row: any SQLRow, _ alias: String) throws {
        let r = AliasedRow(row, alias)
        self.init(
            id: try r("id"), conversationID: try r.optional("conversation_id"), employeeID: try r("employee_id"),
            ownerPersonID: try r.optional("owner_person_id"), createdByID: try r.optional("created_by_id"),
            description: try r("description"), successMeasure: try r("success_measure"), owner: try rawValue(r("owner")),
            dueOn: try r.optional("due_on"), status: try rawValue(r("status")), dropReason: try r.optional("drop_reason"),
            confirmedAt: try r.optional("confirmed_at"), goalID: try r.optional("goal_id"),
            forInfluenceObjective: try r("for_influence_objective"), createdAt: try r("created_at"), updatedAt: try r("updated_at"))
    }
}
