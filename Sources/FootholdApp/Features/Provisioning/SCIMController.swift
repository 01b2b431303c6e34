import FootholdCore
import FootholdData
import Foundation
import Vapor

/// SCIM 2.0 (RFC 7643, 7644) for the organisation's identity provider, under /scim/v2, opened only
/// by a provisioning connection's bearer token: no session, no form token, and a SCIM token opens
/// nothing else. Every answer is `application/scim+json`; every refusal is SCIM's error document.
struct SCIMController {
    static let contentType = HTTPMediaType(type: "application", subType: "scim+json", parameters: ["charset": "utf-8"])
    static let userSchema = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let enterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    static let listSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    static let errorSchema = "urn:ietf:params:scim:api:messages:2.0:Error"
    /// The most resources one page of a list holds.
    static let largestPage = 200

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.scimServiceProviderConfig, use: guarded(serviceProviderConfig))
        routes.get(SiteURL.scimResourceTypes, use: guarded(resourceTypes))
        routes.get(SiteURL.scimSchemas, use: guarded(schemas))
        routes.get(SiteURL.scimUsers, use: guarded(users))
        routes.get(SiteURL.scimUser("x").pattern, use: guarded(user))
    }

    /// The handler behind the connection's token, with every problem as SCIM's error document.
    private func guarded(_ handler: @escaping @Sendable (Request, ProvisioningStore.Connection) async throws -> Response)
        -> @Sendable (Request) async throws -> Response
    {
        { req in
            do {
                guard let header = req.headers.first(name: .authorization), header.lowercased().hasPrefix("bearer "),
                    case let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces), !token.isEmpty,
                    token.utf8.count <= 256,
                    let connection = try await ProvisioningStore.connection(token: token, at: req.now, on: req.reads)
                else {
                    let response = Self.error(
                        SCIMProblem(status: 401, type: nil, detail: "A provisioning connection's bearer token is needed"))
                    response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"Foothold SCIM\"")
                    return response
                }
                return try await handler(req, connection)
            } catch let problem as SCIMProblem {
                return Self.error(problem)
            } catch {
                // Whatever else went wrong is still answered in SCIM's words, and logged.
                req.logger.report(error: error)
                return Self.error(SCIMProblem(status: 500, type: nil, detail: "Foothold could not answer this request; try it again"))
            }
        }
    }

    static func json(_ object: Any, status: HTTPResponseStatus = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        let response = Response(status: status, body: .init(data: data))
        response.headers.contentType = contentType
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func error(_ problem: SCIMProblem) -> Response {
        var document: [String: Any] = ["schemas": [errorSchema], "status": String(problem.status), "detail": problem.detail]
        if let type = problem.type { document["scimType"] = type }
        return json(document, status: HTTPResponseStatus(statusCode: problem.status))
    }

    private func base(_ req: Request) -> String { req.application.footholdConfiguration.baseURL + "/scim/v2" }

    @Sendable func serviceProviderConfig(req: Request, connection: ProvisioningStore.Connection) async throws -> Response {
        Self.json([
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
            "documentationUri": req.application.footholdConfiguration.baseURL + "/",
            "patch": ["supported": false], "bulk": ["supported": false, "maxOperations": 0, "maxPayloadSize": 0],
            "filter": ["supported": true, "maxResults": Self.largestPage], "changePassword": ["supported": false],
            "sort": ["supported": false], "etag": ["supported": false],
            "authenticationSchemes": [
                [
                    "type": "oauthbearertoken", "name": "Bearer token", "primary": true,
                    "description": "The token an HR administrator made for this connection in Foothold",
                ]
            ],
            "meta": ["resourceType": "ServiceProviderConfig", "location": base(req) + "/ServiceProviderConfig"],
        ])
    }

    @Sendable func resourceTypes(req: Request, connection: ProvisioningStore.Connection) async throws -> Response {
        let user: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], "id": "User", "name": "User", "endpoint": "/Users",
            "schema": Self.userSchema, "schemaExtensions": [["schema": Self.enterpriseSchema, "required": false]],
            "meta": ["resourceType": "ResourceType", "location": base(req) + "/ResourceTypes/User"],
        ]
        return Self.json(["schemas": [Self.listSchema], "totalResults": 1, "startIndex": 1, "itemsPerPage": 1, "Resources": [user]])
    }

    @Sendable func schemas(req: Request, connection: ProvisioningStore.Connection) async throws -> Response {
        func attribute(
            _ name: String, _ type: String = "string", required: Bool = false, unique: String = "none", sub: [[String: Any]]? = nil
        )
            -> [String: Any]
        {
            var attribute: [String: Any] = [
                "name": name, "type": type, "multiValued": false, "required": required, "caseExact": false, "mutability": "readWrite",
                "returned": "default", "uniqueness": unique,
            ]
            if let sub { attribute["subAttributes"] = sub }
            return attribute
        }
        var emails = attribute("emails", "complex", sub: [attribute("value"), attribute("type"), attribute("primary", "boolean")])
        emails["multiValued"] = true
        let user: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"], "id": Self.userSchema, "name": "User",
            "description": "A member of staff",
            "attributes": [
                attribute("userName", required: true, unique: "server"), attribute("externalId"), attribute("displayName"),
                attribute("name", "complex", sub: [attribute("formatted"), attribute("givenName"), attribute("familyName")]),
                attribute("title"), attribute("active", "boolean"), emails,
            ],
            "meta": ["resourceType": "Schema", "location": base(req) + "/Schemas/" + Self.userSchema],
        ]
        let enterprise: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"], "id": Self.enterpriseSchema, "name": "EnterpriseUser",
            "description": "Where a member of staff sits: their unit and their line manager",
            "attributes": [
                attribute("department"), attribute("manager", "complex", sub: [attribute("value"), attribute("displayName")]),
            ],
            "meta": ["resourceType": "Schema", "location": base(req) + "/Schemas/" + Self.enterpriseSchema],
        ]
        return Self.json([
            "schemas": [Self.listSchema], "totalResults": 2, "startIndex": 1, "itemsPerPage": 2, "Resources": [user, enterprise],
        ])
    }

    @Sendable func users(req: Request, connection: ProvisioningStore.Connection) async throws -> Response {
        var conditions: [SCIMFilter.Condition] = []
        if let text = req.queryValue("filter"), !text.trimmingCharacters(in: .whitespaces).isEmpty {
            conditions = try SCIMFilter.parse(text).get().conditions
        }
        let startIndex = max(1, Int(req.queryValue("startIndex") ?? "") ?? 1)
        let count = min(Self.largestPage, max(0, Int(req.queryValue("count") ?? "") ?? Self.largestPage))
        let found = try await ProvisionedPeople.find(conditions, startIndex: startIndex, count: count, on: req.reads)
        return Self.json([
            "schemas": [Self.listSchema], "totalResults": found.total, "startIndex": startIndex, "itemsPerPage": found.people.count,
            "Resources": found.people.map { representation($0, req: req) },
        ])
    }

    @Sendable func user(req: Request, connection: ProvisioningStore.Connection) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.itemParameter).flatMap(UUID.init(uuidString:)),
            let person = try await ProvisionedPeople.person(id, on: req.reads)
        else { throw SCIMProblem.notFound("No user has that id") }
        return Self.json(representation(person, req: req))
    }

    /// A person as SCIM's User with the enterprise extension.
    func representation(_ person: ProvisionedPeople.Person, req: Request) -> [String: Any] {
        let id = person.id.lowerText
        let parts = person.name.split(separator: " ", maxSplits: 1).map(String.init)
        var name: [String: Any] = ["formatted": person.name]
        if parts.count == 2 {
            name["givenName"] = parts[0]
            name["familyName"] = parts[1]
        }
        var enterprise: [String: Any] = [:]
        if let unit = person.unitPath { enterprise["department"] = unit }
        if let manager = person.managerID {
            enterprise["manager"] = [
                "value": manager.lowerText, "displayName": person.managerName ?? "", "$ref": base(req) + "/Users/" + manager.lowerText,
            ]
        }
        var user: [String: Any] = [
            "schemas": [Self.userSchema, Self.enterpriseSchema], "id": id, "userName": person.email, "displayName": person.name,
            "name": name, "title": person.jobTitle, "active": person.isActive,
            "emails": [["value": person.email, "type": "work", "primary": true]],
            Self.enterpriseSchema: enterprise,
            "meta": [
                "resourceType": "User", "created": Self.timestamp(person.createdAt), "lastModified": Self.timestamp(person.createdAt),
                "location": base(req) + "/Users/" + id,
            ],
        ]
        if let external = person.externalID { user["externalId"] = external }
        return user
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}
