import FootholdCore
import Foundation
import Vapor

extension Request {
    var display: DisplayDate { DisplayDate(timeZone: application.footholdConfiguration.timeZone, now: now) }
}
