import CGraphviz

/// Facts about the Graphviz library ptce renders with (in-process, through libgvc).
public enum GraphvizLibrary {
    /// The version of libgvc found at build time, e.g. "2.42.2".
    public static var version: String {
        guard let context = gvContext() else { return "unknown" }
        defer { gvFreeContext(context) }
        guard let info = gvcVersion(context) else { return "unknown" }
        return String(cString: info)
    }
}
