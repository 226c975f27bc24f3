import Foundation
import XCTest
@testable import Paxscreen

/// The repository root, from this file's place (bindings/swift/Tests/PaxscreenTests/).
let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func example(_ name: String) throws -> Data {
    try Data(contentsOf: repoRoot.appendingPathComponent("examples/data/\(name)"))
}

final class ParseTests: XCTestCase {
    func testPassengerList() throws {
        let list = try Paxscreen.manifests(from: try example("paxlst_passengers.edi"))
        let manifest = try XCTUnwrap(list.manifests.first)
        XCTAssertEqual(manifest.listType, "passengers")
        XCTAssertEqual(manifest.legs.first?.departure.airport, "LHR")
        XCTAssertEqual(manifest.travellers.first?.surname, "EXAMPLE")
        XCTAssertEqual(manifest.travellers.first?.birthDate, "1985-04-12")
        XCTAssertEqual(manifest.travellers.first?.gender, .female)
    }

    func testMrz() throws {
        let scan = try Paxscreen.scan(mrz: [
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
        ], today: "2010-01-01")
        XCTAssertEqual(scan.format, .td3)
        XCTAssertEqual(scan.documentNumber, "L898902C3")
        XCTAssertTrue(scan.checksOk)
    }

    func testErrorDescriptionShowsPositionAndReason() throws {
        let push = try example("pnrgov_one_pnr.edi")
        XCTAssertThrowsError(try Paxscreen.manifests(from: push)) { error in
            let text = error.localizedDescription
            XCTAssertTrue(text.hasPrefix("line "), text)
            XCTAssertTrue(text.contains("no PAXLST message"), text)
        }
    }
}
