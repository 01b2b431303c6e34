import Crypto
import Foundation
import Vapor

/// Foothold's one script, compiled into the app like the stylesheet and named by a hash of its
/// content. Every page works without it; it only warns before a page is left with words typed
/// into a form and not yet saved, so no one loses a summary by following a link.
enum Script {
    static let fileName = "foothold-" + SHA256.hash(data: Data(js.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined() + ".js"

    static func response() -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(string: js))
    }

    static let js = """
        (function () {
          "use strict";
          // Words typed into a form that saves (method post), not yet sent.
          var unsaved = false;
          document.addEventListener("input", function (event) {
            var field = event.target;
            if (!field.form || field.form.method !== "post") return;
            if (field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && field.type === "text")) unsaved = true;
          });
          document.addEventListener("submit", function () { unsaved = false; });
          window.addEventListener("beforeunload", function (event) {
            if (!unsaved) return;
            event.preventDefault();
            event.returnValue = "";
          });
        })();
        """
}
