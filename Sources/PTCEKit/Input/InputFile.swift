import Foundation

/// Opening an input file, with the limits every reader shares.
///
/// - Only regular files (or links to them) are read: a FIFO, a device or a socket given as `ties.csv` would block
///   forever or never end, so it is refused with the reason.
/// - Formats read whole (network JSON, node-link JSON, Pajek, DOT, GML, UCINET, GDF) are refused above
///   `maximumBytes` (64 MiB unless `PTCE_MAX_FILE_MB` says otherwise): their parsers need 20 to 100 times the file's
///   size in memory. GraphML and GEXF, parsed by a streaming XML parser (about 6 times the file's size: 260 MB for
///   ptce's 44 MB GraphML of `generate --scale 10`), are refused above `maximumXMLBytes` (256 MiB, or
///   `PTCE_MAX_FILE_MB` when it is larger): ptce's own GEXF of that network is 69 MiB. CSV files are streamed and have
///   no size limit.
package enum InputFile {
    /// The size limit of whole-file formats, in bytes.
    package static var maximumBytes: Int {
        if let text = ProcessInfo.processInfo.environment["PTCE_MAX_FILE_MB"], let megabytes = Int(text), megabytes > 0 {
            return megabytes << 20
        }
        return 64 << 20
    }

    /// The size limit of GraphML and GEXF, in bytes.
    package static var maximumXMLBytes: Int { max(maximumBytes, 256 << 20) }

    /// Throws unless `path` names a regular file (after following links).
    package static func checkRegular(_ path: String, display: String? = nil) throws(InputError) {
        let location = SourceLocation(file: display ?? path, line: 1, column: 1)
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw InputError(Diagnostic(.error, location, code: "cannot-open",
                Localized(fr: "impossible d'ouvrir le fichier", en: "cannot open the file"),
                hint: Localized(fr: "vérifiez le chemin et les droits de lecture", en: "check the path and that the file is readable")))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let what = type == S_IFDIR ? ("un dossier", "a folder") : type == S_IFIFO ? ("un tube (FIFO)", "a pipe (FIFO)")
                : ("un périphérique ou une prise", "a device or a socket")
            throw InputError(Diagnostic(.error, location, code: "not-a-file",
                Localized(fr: "ce n'est pas un fichier ordinaire mais \(what.0)", en: "this is not a regular file but \(what.1)"),
                hint: Localized(fr: "donnez un fichier enregistré sur le disque", en: "give a file saved on disk")))
        }
    }

    /// The whole file, after `checkRegular` and the size limit.
    package static func read(_ path: String, display: String? = nil, limit: Int = maximumBytes) throws(InputError) -> Data {
        try checkRegular(path, display: display)
        let location = SourceLocation(file: display ?? path, line: 1, column: 1)
        var info = stat()
        _ = stat(path, &info)
        if Int(info.st_size) > limit {
            throw InputError(Diagnostic(.error, location, code: "too-large",
                Localized(fr: "fichier trop grand pour ce format (\(Int(info.st_size) >> 20) Mio ; limite \(limit >> 20) Mio)",
                          en: "file too large for this format (\(Int(info.st_size) >> 20) MiB; limit \(limit >> 20) MiB)"),
                hint: Localized(fr: "donnez le réseau en dossier CSV (lu au fil de l'eau, sans limite), ou relevez la limite : PTCE_MAX_FILE_MB=\(2 * (limit >> 20))",
                                en: "give the network as a CSV folder (streamed, no limit), or raise the limit: PTCE_MAX_FILE_MB=\(2 * (limit >> 20))")))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(.error, location, code: "cannot-open",
                Localized(fr: "impossible de lire le fichier", en: "cannot read the file"),
                hint: Localized(fr: "vérifiez les droits de lecture", en: "check that the file is readable")))
        }
        return data
    }
}
