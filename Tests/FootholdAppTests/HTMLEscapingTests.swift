import XCTest
@testable import FootholdApp

/// Every way a person's words reach a page is escaped the same way, in strings and in the byte
/// lists long selects are built from.
final class HTMLEscapingTests: XCTestCase {
    let hostile = "Tom & Jerry's <b>\"best\"</b> café ✓ &lt; done>"

    func testTextAndAttributesAreEscaped() {
        XCTAssertEqual(hostile.textEscaped, "Tom &amp; Jerry's &lt;b&gt;\"best\"&lt;/b&gt; café ✓ &amp;lt; done&gt;")
        XCTAssertEqual(
            hostile.attributeEscaped, "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt; café ✓ &amp;lt; done&gt;")
        XCTAssertEqual("plain words".textEscaped, "plain words")
        XCTAssertEqual("".attributeEscaped, "")
    }

    func testBytesAreEscapedAsStringsAre() {
        for text in [hostile, "plain", "", "<", "&&", "'\"", "ends with &", "✓<✓"] {
            for quotes in [false, true] {
                var bytes: [UInt8] = Array("before ".utf8)
                text.appendEscaped(quotes: quotes, to: &bytes)
                XCTAssertEqual(
                    String(decoding: bytes, as: UTF8.self), "before " + (quotes ? text.attributeEscaped : text.textEscaped), text)
            }
        }
    }

    func testASelectEscapesItsOptionsAndMarksTheChosenOne() {
        let options = [(value: "", label: "Everyone"), (value: "a\"b", label: "Housing & <Repairs>")]
        let html = H.select(name: "unit", label: "For", options: options, selected: "a\"b").render()
        XCTAssertTrue(html.contains("<option value=\"\">Everyone</option>"), html)
        XCTAssertTrue(html.contains("<option value=\"a&quot;b\" selected>Housing &amp; &lt;Repairs&gt;</option>"), html)
        XCTAssertFalse(html.contains("<Repairs>"))
    }
}
