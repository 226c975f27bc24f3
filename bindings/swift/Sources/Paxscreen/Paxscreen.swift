// The hand-written layer over the generated bindings: re-exports them and
// makes every paxscreen error's `localizedDescription` its message (the
// position and the reason), not a dump of the enum case.
import Foundation
@_exported import PaxscreenFFI

/// The message carried by a flat uniffi error case (`case x(message: String)`).
private func flatMessage(_ error: Any) -> String {
    let mirror = Mirror(reflecting: error)
    if let child = mirror.children.first {
        if let text = child.value as? String { return text }
        if let text = Mirror(reflecting: child.value).children.first?.value as? String { return text }
    }
    return String(describing: error)
}

extension ParseError: LocalizedError {
    public var errorDescription: String? { flatMessage(self) }
}

extension MrzError: LocalizedError {
    public var errorDescription: String? { flatMessage(self) }
}

extension ScreenError: LocalizedError {
    public var errorDescription: String? { flatMessage(self) }
}

extension PackError: LocalizedError {
    public var errorDescription: String? { flatMessage(self) }
}

/// Convenience entry points with Swift argument labels.
public enum Paxscreen {
    /// Reads every PAXLST message in `data`.
    public static func manifests(from data: Data, strict: Bool = false) throws -> ManifestList {
        try parsePaxlst(input: data, strict: strict, referenceDate: nil)
    }

    /// Reads the lines of a machine-readable zone; `today` is `YYYY-MM-DD`.
    public static func scan(mrz lines: [String], today: String? = nil) throws -> DocumentScan {
        try parseMrz(lines: lines, today: today)
    }
}
