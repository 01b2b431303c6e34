import FootholdCore
@testable import FootholdData
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

    /// What a page writes into a link is read back exactly: plain values as they are, anything
    /// else percent-encoded as Foundation encodes it.
    func testValuesWrittenIntoLinksAreReadBackExactly() throws {
        let app = Application(.testing)
        defer { app.shutdown() }
        let values = [
            "0A1B2C3D-0000-4000-8000-00000000ABCD", "plain-value_1.2~/x", "Anna O'Brien", "café", "a+b", "a&b=c", "50%", "✓ ok",
            "#fragment", "?", " ",
        ]
        for value in values {
            let link = SiteURL.adminPeople.with(query: [("q", value)])
            let request = Request(application: app, url: URI(string: link), on: app.eventLoopGroup.next())
            XCTAssertEqual(request.queryValue("q"), value, link)
        }
        XCTAssertEqual(SiteURL.encode("0a1b-2C_3.d~e/f"), "0a1b-2C_3.d~e/f", "nothing to encode is left alone")
        XCTAssertEqual(SiteURL.encode("a b&c"), "a%20b%26c")
    }

    /// A page reads back only the states it names: what a redirect wrote, never a made-up one.
    func testAPageReadsBackOnlyTheSavedStatesItNames() throws {
        let app = Application(.testing)
        defer { app.shutdown() }
        func request(_ address: String) -> Request { Request(application: app, url: URI(string: address), on: app.eventLoopGroup.next()) }
        let address = SiteURL.plan.saved(PlanPage.Saved.sharing)
        XCTAssertEqual(address, "/plan?saved=sharing")
        XCTAssertEqual(request(address).saved(PlanPage.Saved.self), .sharing)
        XCTAssertNil(request("/plan?saved=Your%20password%20has%20expired").saved(PlanPage.Saved.self))
        XCTAssertNil(request("/plan").saved(PlanPage.Saved.self))
        XCTAssertNil(request(address).saved(JournalPage.Saved.self), "another page's state means nothing here")
    }
}
