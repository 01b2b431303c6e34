import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The person's own data as one JSON file (SPEC §7), downloaded and audited.
struct MyDataController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.myData, use: download)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let data = try await MyDataStore.load(for: viewer.personID, at: req.now, on: req.reads)
        try await MyDataStore.audit(viewer.personID, at: req.now, on: req.database)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "json", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"foothold-my-data.json\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: try data.json()))
    }
}
