// An agent app call: screen the passenger in front of the agent from the
// manifest entry and the scanned passport, and show the result.
//
// Add bindings/swift as a package dependency (product "Paxscreen"); on iOS
// link the XCFramework from bindings/swift/scripts/build-xcframework.sh.
import Foundation
import Paxscreen

final class CheckInDesk {
    /// Built once per app run; safe to share between tasks.
    private let screener: Screener

    init() throws {
        screener = try Screener(purpose: "carrier", packToml: nil, today: nil, linkKey: nil)
    }

    /// What the agent sees for one passenger.
    func screen(manifest: Data, passenger: UInt32, mrzLines: [String]) -> String {
        do {
            let a = try screener.screenCheckin(
                manifest: manifest, traveller: passenger, mrzLines: mrzLines, booking: nil)
            let who = "\(a.traveller.surname ?? "")/\(a.traveller.givenNames ?? "")"
            switch a.status {
            case .clear:
                return "\(who): clear" + a.referrals.map { "\nReferral: \($0.explanation)" }.joined()
            case .review, .inhibit:
                let lines = a.findings.map { "\($0.rule): \($0.explanation) To clear: \($0.clears)" }
                return "\(who): \(a.status == .inhibit ? "do not board yet" : "review")\n"
                    + lines.joined(separator: "\n")
            }
        } catch {
            // Position and reason, e.g. "mrz_lines: line 2, column 1: ...".
            return "Cannot screen: \(error.localizedDescription)"
        }
    }
}
