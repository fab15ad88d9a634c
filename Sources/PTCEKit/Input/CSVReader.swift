import Foundation

/// One field of a CSV record, with the line and column where it starts.
package struct CSVField: Sendable, Hashable {
    package var text: String
    package var line: Int
    package var column: Int
}

/// A streaming RFC 4180 reader for the files animators export from Excel or LibreOffice.
///
/// - UTF-8 with or without BOM; a file that is not valid UTF-8 is decoded as Windows-1252 (the encoding of
///   "CSV (séparateur : point-virgule)" in French Excel) and reported once as a warning;
/// - `;`, `,` or tab separator, detected on the header line (outside quotes);
/// - quoted fields with embedded separators, doubled quotes and line breaks; CRLF, LF or CR line ends;
/// - refuses empty files, binary files, spreadsheets saved as `.xlsx`/`.ods`, UTF-16 text, and unterminated quotes,
///   each with the position and a hint.
///
/// The file is read in 64 KiB chunks, so memory does not grow with the file (a record is held at a time).
/// Neither SwiftCSV nor CSV.swift reports positions or unterminated quotes, which validation needs; hence this reader.
package final class CSVReader {
    package let displayName: String
    public private(set) var separator: UInt8 = UInt8(ascii: ",")
    /// Set once when a field was not valid UTF-8 and was decoded as Windows-1252.
    public private(set) var encodingWarning: Diagnostic?

    private let file: UnsafeMutablePointer<FILE>
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var count = 0
    private var position = 0
    private var atEOF = false
    private var line = 1
    private var column = 1
    private var fieldBytes: [UInt8] = []

    /// Opens `path` and checks that it is a non-empty text file; `displayName` is used in messages.
    package init(path: String, displayName: String? = nil) throws(InputError) {
        self.displayName = displayName ?? path
        try InputFile.checkRegular(path, display: displayName)
        guard let handle = fopen(path, "rb") else {
            throw InputError(Diagnostic(.error, SourceLocation(file: displayName ?? path, line: 1, column: 1), code: "cannot-open",
                Localized(fr: "impossible d'ouvrir le fichier", en: "cannot open the file"),
                hint: Localized(fr: "vérifiez le chemin et les droits de lecture", en: "check the path and that the file is readable")))
        }
        file = handle
        refill()
        try checkStart()
    }

    deinit { fclose(file) }

    private var here: SourceLocation { SourceLocation(file: displayName, line: line, column: column) }

    private func refill() {
        if position < count { buffer.replaceSubrange(0..<(count - position), with: buffer[position..<count]) }
        count -= position
        position = 0
        let read = buffer.withUnsafeMutableBufferPointer { pointer in
            fread(pointer.baseAddress! + count, 1, pointer.count - count, file)
        }
        count += read
        if read == 0 { atEOF = true }
    }

    @inline(__always) private func peek() -> UInt8? {
        if position >= count {
            if atEOF { return nil }
            refill()
            if position >= count { return nil }
        }
        return buffer[position]
    }

    @inline(__always) private func advance(_ byte: UInt8) {
        position += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte == 0x0D {
            // CRLF counts once, when its LF is consumed; a lone CR ends a line by itself.
            if peek() != 0x0A {
                line += 1
                column = 1
            }
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private func checkStart() throws(InputError) {
        let start = SourceLocation(file: displayName, line: 1, column: 1)
        if count == 0 {
            throw InputError(Diagnostic(.error, start, code: "empty-file",
                Localized(fr: "le fichier est vide", en: "the file is empty"),
                hint: Localized(fr: "la première ligne doit nommer les colonnes, par exemple : id;nom;type",
                                en: "the first line must name the columns, for example: id,name,kind")))
        }
        let head = Array(buffer[0..<min(count, 4096)])
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw InputError(Diagnostic(.error, start, code: "spreadsheet-file",
                Localized(fr: "ce fichier est un classeur (.xlsx ou .ods), pas un fichier CSV",
                          en: "this file is a workbook (.xlsx or .ods), not a CSV file"),
                hint: Localized(fr: "dans le tableur : Fichier > Enregistrer sous > CSV UTF-8 (point-virgule)",
                                en: "in the spreadsheet: File > Save as > CSV UTF-8")))
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw InputError(Diagnostic(.error, start, code: "utf16-file",
                Localized(fr: "le fichier est en UTF-16 (« Texte Unicode »), non pris en charge",
                          en: "the file is UTF-16 (\"Unicode text\"), which is not supported"),
                hint: Localized(fr: "enregistrez-le au format « CSV UTF-8 »", en: "save it as \"CSV UTF-8\"")))
        }
        if let nul = head.firstIndex(of: 0) {
            throw InputError(Diagnostic(.error, start, code: "binary-file",
                Localized(fr: "le fichier n'est pas du texte (octet nul à la position \(nul + 1))",
                          en: "the file is not text (a NUL byte at offset \(nul + 1))"),
                hint: Localized(fr: "donnez un fichier CSV exporté du tableur, pas un document ou une image",
                                en: "give a CSV file exported from the spreadsheet, not a document or an image")))
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        separator = Self.detectSeparator(head[position...])
    }

    /// The most frequent of `;`, `,` and tab on the first line, outside quotes; `,` when none occurs.
    static func detectSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == UInt8(ascii: ",") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ",") ? 1 : 0) }!
        return best.value == 0 ? UInt8(ascii: ",") : best.key
    }

    /// Consumes a line end (LF, CR or CRLF) whose first byte is `byte`.
    private func endLine(_ byte: UInt8) {
        advance(byte)
        if byte == 0x0D, peek() == 0x0A { advance(0x0A) }
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    package func nextRecord() throws(InputError) -> [CSVField]? {
        while true {
            guard let first = peek() else { return nil }
            if first == 0x0A || first == 0x0D { endLine(first); continue }
            break
        }
        var fields: [CSVField] = []
        while true {
            let (field, ended) = try readField()
            fields.append(field)
            if ended { return fields }
        }
    }

    /// Reads one field; `ended` is true when the record ends after it.
    private func readField() throws(InputError) -> (CSVField, ended: Bool) {
        let startLine = line, startColumn = column
        fieldBytes.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\"")
        if peek() == quote {
            advance(quote)
            while true {
                guard let byte = peek() else {
                    throw InputError(Diagnostic(.error, SourceLocation(file: displayName, line: startLine, column: startColumn),
                        code: "unterminated-quote",
                        Localized(fr: "guillemet ouvert jamais refermé", en: "unterminated quote"),
                        hint: Localized(fr: "un champ qui commence par \" doit finir par \" ; doublez les guillemets à l'intérieur du texte (\"\")",
                                        en: "a field that starts with \" must end with \"; double any quote inside the text (\"\")")))
                }
                if byte == 0 { throw nulByte() }
                advance(byte)
                if byte == quote {
                    if peek() == quote { advance(quote); fieldBytes.append(quote); continue }
                    break
                }
                fieldBytes.append(byte)
            }
            // After the closing quote: separator, end of line or end of file.
            let byte = peek()
            if byte == nil { return (makeField(startLine, startColumn), true) }
            if byte == separator { advance(byte!); return (makeField(startLine, startColumn), false) }
            if byte == 0x0A || byte == 0x0D { endLine(byte!); return (makeField(startLine, startColumn), true) }
            throw InputError(Diagnostic(.error, here, code: "text-after-quote",
                Localized(fr: "texte après le guillemet fermant d'un champ", en: "text after the closing quote of a field"),
                hint: Localized(fr: "mettez tout le champ entre guillemets et doublez les guillemets intérieurs (\"\")",
                                en: "quote the whole field and double the quotes inside it (\"\")")))
        }
        // Unquoted: the buffer is scanned in bulk up to a separator, a line end or a NUL byte (columns counted as
        // characters, as `advance` does one byte at a time).
        while true {
            if position >= count {
                if !atEOF { refill() }
                if position >= count { return (makeField(startLine, startColumn), true) }
            }
            let (stop, characters) = scanUnquoted()
            column += characters
            position = stop
            guard stop < count else { continue }
            let byte = buffer[stop]
            if byte == separator { advance(byte); return (makeField(startLine, startColumn), false) }
            if byte == 0 { throw nulByte() }
            endLine(byte)
            return (makeField(startLine, startColumn), true)
        }
    }

    /// Appends the bytes from `position` up to the first separator, CR, LF or NUL of the buffer (or its end) to
    /// `fieldBytes`; returns where it stopped and how many characters (non-continuation bytes) it passed.
    private func scanUnquoted() -> (stop: Int, characters: Int) {
        let separator = self.separator, start = position, end = count
        var stop = end, characters = 0
        buffer.withUnsafeBufferPointer { bytes in
            var i = start
            while i < end {
                let byte = bytes[i]
                if byte == separator || byte == 0x0A || byte == 0x0D || byte == 0 { break }
                if byte & 0xC0 != 0x80 { characters += 1 }
                i += 1
            }
            stop = i
            fieldBytes.append(contentsOf: bytes[start..<i])
        }
        return (stop, characters)
    }

    /// A NUL byte past the first 4 KiB (the start is checked as a whole by `checkStart`).
    private func nulByte() -> InputError {
        InputError(Diagnostic(.error, here, code: "binary-file",
            Localized(fr: "octet nul dans le fichier : ce n'est pas du texte, ou il est endommagé",
                      en: "NUL byte in the file: it is not text, or it is damaged"),
            hint: Localized(fr: "réexportez le fichier depuis le tableur au format CSV", en: "export the file again from the spreadsheet as CSV")))
    }

    private func makeField(_ line: Int, _ column: Int) -> CSVField {
        if let text = Self.utf8(fieldBytes) { return CSVField(text: text, line: line, column: column) }
        if encodingWarning == nil {
            encodingWarning = Diagnostic(.warning, SourceLocation(file: displayName, line: line, column: column), code: "not-utf8",
                Localized(fr: "le fichier n'est pas en UTF-8 : il a été lu comme Windows-1252 (Excel « CSV séparateur point-virgule »)",
                          en: "the file is not UTF-8: it was read as Windows-1252 (Excel's default CSV encoding)"),
                hint: Localized(fr: "vérifiez les accents ; pour être sûr, enregistrez au format « CSV UTF-8 »",
                                en: "check the accents; to be safe, save as \"CSV UTF-8\""))
        }
        return CSVField(text: Self.decodeWindows1252(fieldBytes), line: line, column: column)
    }

    /// The text of `bytes` when they are valid UTF-8, nil otherwise. Decoding repairs an invalid sequence with U+FFFD,
    /// which changes the bytes: valid input is exactly the one that reads back the same. (`String(validating:as:)`
    /// is generic and not specialised: its metadata lookups were a tenth of the time of reading a file.)
    static func utf8(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.allSatisfy({ $0 < 0x80 }) { return text }
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// Windows-1252 through Foundation (Latin-1 plus the characters Microsoft put in 0x80–0x9F: €, ’, œ…).
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        String(bytes: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }
}
