import FuzzSupport

/// libFuzzer target for the UCINET DL reader: `make fuzz` runs it on Fuzz/Corpus/ucinet-dl.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    return Fuzz.file(UnsafeRawPointer(data!), size, name: "network.dl")
}

@_cdecl("fuzz_ucinet_dl_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
