import CLibXML2
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document written to a file as it goes through libxml2's `xmlTextWriter` (which escapes text and attribute
/// values), for the parts too large for a tree or even a string: a workbook sheet of 27,000 actors is about a million
/// elements (FoundationXML's tree of it took 3 GiB and most of the time of `ptce analyze`), the sheet of the 922,000
/// ties of `generate --scale 100` 800 MB of text. No pretty printing (whitespace inside
/// a cell's `<t>` is content).
final class XMLStream {
    private let writer: xmlTextWriterPtr
    private var closed = false

    /// A document written to a file as it goes (nothing of it kept in memory), with its declaration
    /// (`<?xml version="1.0" encoding="UTF-8"?>`); `close()` finishes it.
    init(file url: URL) throws {
        _ = Self.library
        guard let writer = url.withUnsafeFileSystemRepresentation({ path in path.flatMap { xmlNewTextWriterFilename($0, 0) } }) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        self.writer = writer
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    /// libxml2's global state, set up once before any thread uses it (its documented rule for threads).
    private static let library: Void = xmlInitParser()

    deinit {
        if !closed { xmlFreeTextWriter(writer) }
    }

    /// Opens `<name attributes…>`; `end()` closes it (`<name/>` when nothing was written inside).
    func start(_ name: String, _ attributes: [(String, String)] = []) {
        _ = Self.with(name) { xmlTextWriterStartElement(writer, $0) }
        for (key, value) in attributes {
            _ = Self.with(key) { key in Self.with(value) { xmlTextWriterWriteAttribute(writer, key, $0) } }
        }
    }

    /// One more attribute of the element just opened (before any content).
    func attribute(_ key: String, _ value: String) {
        _ = Self.with(key) { key in Self.with(value) { xmlTextWriterWriteAttribute(writer, key, $0) } }
    }

    /// Escaped text inside the open element.
    func text(_ text: String) {
        _ = Self.with(text) { xmlTextWriterWriteString(writer, $0) }
    }

    /// Closes the innermost open element.
    func end() {
        xmlTextWriterEndElement(writer)
    }

    /// `<name attributes…>text</name>`, or `<name attributes…/>` without text.
    func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        start(name, attributes)
        if let text { self.text(text) }
        end()
    }

    /// A small subtree built with FoundationXML, written as it serialises (already escaped).
    func subtree(_ element: XMLElement) {
        _ = Self.with(element.xmlString(options: [])) { xmlTextWriterWriteRaw(writer, $0) }
    }

    /// Closes every open element and the file; throws when the file could not be
    /// written completely (a full disk).
    func close() throws {
        let ended = xmlTextWriterEndDocument(writer)
        let flushed = xmlTextWriterFlush(writer)
        xmlFreeTextWriter(writer)
        closed = true
        if ended < 0 || flushed < 0 { throw CocoaError(.fileWriteOutOfSpace) }
    }

    private static func with<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }
}
