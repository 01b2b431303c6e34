import Vapor
import XCTest
@testable import FootholdApp

/// Pages read their query values straight from the URL; they must read exactly what Vapor's
/// decoder reads, whatever the URL holds.
final class QueryStringTests: XCTestCase {
    func testQueryValuesAreReadAsVaporReadsThem() throws {
        let app = Application(.testing)
        defer { app.shutdown() }
        let queries = [
            "q=smith", "q=anna+smith", "q=anna%20smith", "q=%E2%9C%93+ok", "q=a%2Bb", "page=2&q=x", "q=&page=1",
            "q", "q=a&q=b", "Q=upper", "q=a=b", "x=1&q=", "q=%zz", "q=50%", "q[]=a", "q[x]=a&q=b", "&&q=amp&&", "qq=no",
            "page=3", "page=", "page=abc", "page=+2", "page=%32", "page=-1", "page=99999999999999999999", "page=2&page=5",
            "saved=1", "saved", "q=a&q", "q&q=b", "q=a&q=", "", "q=caf%C3%A9&page=2", "invited=Anna+O%27Brien",
        ]
        for query in queries {
            let request = Request(
                application: app, url: URI(string: "/people" + (query.isEmpty ? "" : "?" + query)),
                on: app.eventLoopGroup.next())
            for name in ["q", "page", "saved", "invited"] {
                XCTAssertEqual(request.queryValue(name), request.query[String.self, at: name], "\(name) in ?\(query)")
                XCTAssertEqual(
                    request.queryInt(name, in: Int.min...Int.max), request.query[Int.self, at: name], "\(name) as a number in ?\(query)")
            }
        }
        let request = Request(application: app, url: URI(string: "/people?q=anna+o%27brien&page=2"), on: app.eventLoopGroup.next())
        XCTAssertEqual(request.queryValue("q"), "anna o'brien")
        XCTAssertEqual(request.queryInt("page", in: 1...10), 2)
        XCTAssertNil(request.queryInt("page", in: 3...10), "outside the range is no number")
        XCTAssertNil(request.queryValue("missing"))
    }
}
