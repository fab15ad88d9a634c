import CInflate
import Foundation

/// A zip archive read from memory, for workbooks: the central directory (PKWARE APPNOTE 6.3, §4.3.12 and §4.3.16)
/// and each entry inflated by zlib with its bytes bounded by the size the directory declares.
///
/// ptce writes workbooks with ZIPFoundation but does not read them with it: fuzzing found three ways a damaged zip
/// breaks ZIPFoundation 0.9.20's reader — its in-memory archive traps when the directory points past the end, its
/// file archive reads at the end of a short file forever, and its inflation loop (`Data.decode`) tells zlib that
/// every chunk is a full buffer and asks for more input forever when a deflate stream does not end inside its entry
/// (a hang under AddressSanitizer). Here an entry's compressed bytes are a slice of the file checked to lie inside
/// it, zlib is given exactly that slice, and a stream that has not ended when the slice is used up is refused.
struct ZipArchive {
    struct Entry {
        var path: String
        /// 0 stored, 8 deflated (the only methods a workbook uses).
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var crc32: UInt32
        /// Where the entry's data begins in the file, after its local header.
        var dataOffset: Int
    }

    enum Failure: Error {
        /// The archive or an entry is damaged: truncated, a directory pointing outside the file, a method other than
        /// stored or deflated, a deflate stream that is corrupt or does not end, a checksum that does not match.
        case damaged
        /// The entry inflates to more than the limit it was read with; `bytes` is how much was inflated when it
        /// stopped.
        case tooLarge(bytes: Int)
    }

    private let bytes: [UInt8]
    /// The entries by path, in the order of the central directory (the first of two with the same path wins).
    private(set) var entries: [String: Entry] = [:]

    /// Reads the central directory of `data`; throws `.damaged` when it is not a zip archive whose entries all lie
    /// inside the file. Archives over 4 GiB (ZIP64) are not workbooks and are refused.
    init(_ data: Data) throws(Failure) {
        bytes = [UInt8](data)
        guard let end = endOfCentralDirectory(), let count = u16(end + 10), let directory = u32(end + 16) else {
            throw .damaged
        }
        var record = directory
        for _ in 0..<count {
            guard u32(record) == 0x0201_4B50, let method = u16(record + 10), let crc = u32(record + 16),
                  let compressed = u32(record + 20), let uncompressed = u32(record + 24),
                  let nameLength = u16(record + 28), let extraLength = u16(record + 30),
                  let commentLength = u16(record + 32), let local = u32(record + 42),
                  compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                  record + 46 + nameLength <= bytes.count,
                  u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28),
                  local + 30 + localName + localExtra + compressed <= bytes.count, method == 0 || method == 8
            else { throw .damaged }
            let path = String(decoding: bytes[(record + 46)..<(record + 46 + nameLength)], as: UTF8.self)
            if entries[path] == nil {
                entries[path] = Entry(path: path, method: method, compressedSize: compressed,
                                      uncompressedSize: uncompressed, crc32: UInt32(crc),
                                      dataOffset: local + 30 + localName + localExtra)
            }
            record += 46 + nameLength + extraLength + commentLength
        }
    }

    subscript(path: String) -> Entry? { entries[path] }

    /// The uncompressed bytes of `entry`, at most `limit` of them, checked against the entry's CRC-32.
    func extract(_ entry: Entry, limit: Int) throws(Failure) -> Data {
        let data: Data
        if entry.method == 0 {
            guard entry.compressedSize <= limit else { throw .tooLarge(bytes: entry.compressedSize) }
            data = Data(bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
        } else {
            data = try inflate(entry, limit: limit)
        }
        let crc = data.withUnsafeBytes { buffer in
            UInt32(crc32(0, buffer.bindMemory(to: Bytef.self).baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc32 else { throw .damaged }
        return data
    }

    /// Raw deflate (RFC 1951) of the entry's bytes, given to zlib all at once; the output is taken in chunks.
    private func inflate(_ entry: Entry, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let result: Result<Void, Failure> = bytes.withUnsafeBufferPointer { file in
            stream.next_in = UnsafeMutablePointer(mutating: file.baseAddress! + entry.dataOffset)
            stream.avail_in = uInt(entry.compressedSize)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return CInflate.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit { return .failure(.tooLarge(bytes: output.count + produced)) }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END: return .success(())
                // Z_BUF_ERROR: no progress is possible — the input is used up and the stream has not ended.
                case Z_OK where produced > 0 || stream.avail_in > 0: continue
                default: return .failure(.damaged)
                }
            }
        }
        try result.get()
        return output
    }

    /// The end-of-central-directory record: its signature within the last 65,557 bytes (22 + a comment).
    private func endOfCentralDirectory() -> Int? {
        var position = bytes.count - 22
        while position >= max(0, bytes.count - 65_557) {
            if u32(position) == 0x0605_4B50 { return position }
            position -= 1
        }
        return nil
    }

    private func u16(_ at: Int) -> Int? {
        at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil
    }

    private func u32(_ at: Int) -> Int? {
        guard at >= 0, at + 4 <= bytes.count else { return nil }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
}
