import FuzzSupport

/// libFuzzer target for the csv-folder reader: `make fuzz` runs it on Fuzz/Corpus/csv-folder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    return Fuzz.folder(UnsafeRawPointer(data!), size)
}

@_cdecl("fuzz_csv_folder_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
