import FuzzSupport

/// libFuzzer target for the pajek reader: `make fuzz` runs it on Fuzz/Corpus/pajek.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    // A few bytes can declare up to 300,000 vertices without a line, each created: linear work (100,000 in 12 s in a
    // debug build, the hostile corpus's pajek-many-implicit-vertices), which under AddressSanitizer passes the fuzzer's
    // 20 s timeout, and even 20,000 (0.3 s each) held the fuzzer at 100 runs a second. Inputs declaring more than
    // 300 (the writers' limit) are left to that test.
    let text = String(decoding: UnsafeBufferPointer(start: data!, count: min(size, 200)), as: UTF8.self).lowercased()
    if let range = text.range(of: "*vertices"),
       let count = Int(text[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "+" }).prefix(while: \.isNumber)),
       count > 300 {
        return 0
    }
    return Fuzz.file(UnsafeRawPointer(data!), size, name: "network.net")
}

@_cdecl("fuzz_pajek_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
