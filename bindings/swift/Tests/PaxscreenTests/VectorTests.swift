import Foundation
import XCTest
@testable import Paxscreen

/// The top-level keys of each `[[case]]` of spec/vectors/screening.toml
/// (name, inputs, pack, purpose, reference_date): enough to screen every
/// case. The expected results are checked by the Rust runner; here the
/// whole dump must equal Rust's, line for line (the conformance check).
struct VectorCase {
    var name = "", pack = "", purpose = "", referenceDate = ""
    var inputs: [String] = []
}

func readCases() throws -> [VectorCase] {
    let text = try String(contentsOf: repoRoot.appendingPathComponent("spec/vectors/screening.toml"), encoding: .utf8)
    var cases: [VectorCase] = []
    func quoted(_ s: Substring) -> [String] {
        s.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
    for raw in text.split(separator: "\n") {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line == "[[case]]" { cases.append(VectorCase()); continue }
        guard !cases.isEmpty, let eq = line.firstIndex(of: "=") else { continue }
        let key = line[..<eq].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: eq)...]
        switch key {
        case "name": cases[cases.count - 1].name = quoted(value).first ?? ""
        case "pack": cases[cases.count - 1].pack = quoted(value).first ?? ""
        case "purpose": cases[cases.count - 1].purpose = quoted(value).first ?? ""
        case "reference_date": cases[cases.count - 1].referenceDate = quoted(value).first ?? ""
        case "inputs": cases[cases.count - 1].inputs = quoted(value)
        default: break
        }
    }
    return cases
}

func dumpLine(_ name: String, _ a: Assessment) -> String {
    let label = "\(a.traveller.surname ?? "")/\(a.traveller.givenNames ?? "")"
    let explanations = (a.findings + a.referrals + a.dataQuality).map { $0.explanation }
    let status: String
    switch a.status {
    case .clear: status = "clear"
    case .review: status = "review"
    case .inhibit: status = "inhibit"
    }
    return [name, label, status, a.ruleIds.joined(separator: ","), explanations.joined(separator: " | ")]
        .joined(separator: "\t")
}

final class VectorTests: XCTestCase {
    func testConformanceDumpMatchesRust() throws {
        let cases = try readCases()
        XCTAssertFalse(cases.isEmpty)
        var text = ""
        for c in cases {
            let screener = try Screener(
                purpose: c.purpose, packToml: defaultPack(purpose: c.pack),
                today: c.referenceDate, linkKey: Data("vectors".utf8))
            let inputs = try c.inputs.map {
                try Data(contentsOf: repoRoot.appendingPathComponent("spec/vectors/\($0)"))
            }
            for a in try screener.screenBytes(inputs: inputs).assessments {
                text += dumpLine(c.name, a) + "\n"
            }
        }
        let out = repoRoot.appendingPathComponent("target/conformance")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try text.write(to: out.appendingPathComponent("swift.tsv"), atomically: true, encoding: .utf8)
        let rust = out.appendingPathComponent("rust.tsv")
        if FileManager.default.fileExists(atPath: rust.path) {
            XCTAssertEqual(try String(contentsOf: rust, encoding: .utf8), text)
        }
    }

    func testCheckin() throws {
        let screener = try Screener(purpose: "carrier", packToml: nil, today: "2026-03-01", linkKey: nil)
        let data = try Data(contentsOf: repoRoot.appendingPathComponent("spec/vectors/data/paxlst_documents.edi"))
        let a = try screener.screenCheckin(manifest: data, traveller: 1, mrzLines: nil, booking: nil)
        XCTAssertEqual(a.status, .inhibit)
        XCTAssertEqual(a.ruleIds, ["DOC-02a"])
    }
}
