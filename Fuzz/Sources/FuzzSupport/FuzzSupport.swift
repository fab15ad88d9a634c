import Foundation
import PTCEKit
import PTCERender

/// Runs one reader of ptce on fuzzed bytes, as the command line does: the bytes are written to a file (readers take
/// paths) in a private folder under /dev/shm, then loaded with the same options as `ptce validate`; a loaded network
/// is also written back in the reader's format when it is valid, so the writers see what the readers accept.
public enum Fuzz {
    nonisolated(unsafe) static var folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/ptce-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// 2,000 at first; a Pajek file declaring 664 vertices then took 0.8 s a run under AddressSanitizer (the GEXF
    /// writer lays the network out with neato) and 22 s on a loaded machine: a timeout without a defect.
    static let writerLimit = 300

    static var options: LoadOptions {
        var options = LoadOptions()
        options.dotReader = { DOTNetwork.load(path: $0, options: $1) }
        return options
    }

    /// One file named `name` holding the bytes.
    public static func file(_ bytes: UnsafeRawPointer, _ count: Int, name: String) -> Int32 {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes: bytes, count: count))
        check(NetworkLoader.load(path: path, options: options))
        return 0
    }

    /// A network folder: the bytes are cut at lines `====` into actors.csv, ties.csv, groups.csv, memberships.csv.
    public static func folder(_ bytes: UnsafeRawPointer, _ count: Int) -> Int32 {
        let path = folder + "/network"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let data = Data(bytes: bytes, count: count)
        let parts = data.split(separator: Data("\n====\n".utf8))
        for (part, name) in zip(parts, ["actors.csv", "ties.csv", "groups.csv", "memberships.csv"]) {
            FileManager.default.createFile(atPath: path + "/" + name, contents: part)
        }
        check(NetworkLoader.load(path: path, options: options))
        return 0
    }

    /// What every load must give: counts that agree with the messages, and, for a valid network, every writer
    /// working on it (a crash or a trap there is a finding). Writers run up to `writerLimit` actors: a few bytes can
    /// declare a large network (`*Vertices 999999`), and six writers on it under AddressSanitizer take longer than the
    /// fuzzer's timeout without exercising anything new (they are linear, and run at national size in the tests).
    static func check(_ result: LoadResult) {
        precondition(result.isValid == (result.errorCount == 0))
        guard result.isValid, result.network.actors.count <= writerLimit else { return }
        _ = try? NetworkJSON.encode(result.network)
        _ = DOTNetwork.write(result.network)
        _ = GraphML.write(result.network)
        _ = GEXF.write(result.network)
        _ = try? NodeLinkJSON.write(result.network)
        _ = Pajek.write(result.network)
    }
}

/// libFuzzer's driver (compiler-rt, LLVM ≥ 11). SwiftPM links an executable with `main` aliased to `<module>_main`,
/// so each target defines that function and hands over to libFuzzer from it.
@_silgen_name("LLVMFuzzerRunDriver")
func _LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                          _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                          _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
    var argc = argc
    var argv = argv
    return _LLVMFuzzerRunDriver(&argc, &argv, callback)
}
