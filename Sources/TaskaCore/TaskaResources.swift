import Foundation

/// Finds the files Taska ships beside its code (the language model, the hooked-letter model,
/// the built-in pipelines) without depending on where the build happened.
///
/// Each resource lives in a SwiftPM bundle directory `Taska_<Module>.resources` (for example
/// `Taska_TaskaDetect.resources/langid.bin`). The first of these directories that holds the
/// file wins:
///
/// 1. `$TASKA_RESOURCES/Taska_<Module>.resources`, when `TASKA_RESOURCES` is set;
/// 2. `<executable's folder>/Taska_<Module>.resources`, where `swift build` puts them and where
///    they travel with a moved binary (symbolic links to the executable are resolved first);
/// 3. `<executable's folder>/../share/taska/Taska_<Module>.resources`, the installed layout for
///    any prefix (`/usr/bin/taska` finds `/usr/share/taska`);
/// 4. `/usr/share/taska/Taska_<Module>.resources`, where the Debian package installs them;
/// 5. the module's own `Bundle.module`, whose fallback is the build folder it was compiled in.
///
/// `docs/packaging.md` documents the same order.
public enum TaskaResources {
    /// The environment variable that names a folder holding the `Taska_<Module>.resources` bundles.
    public static let environmentVariable = "TASKA_RESOURCES"

    /// The folder the Debian package installs the bundles into.
    public static let installedFolder = "/usr/share/taska"

    /// The bundle directory name SwiftPM gives `module`'s resources in package `Taska`.
    public static func bundleName(of module: String) -> String {
        "Taska_\(module).resources"
    }

    /// The folders searched for `module`'s bundle, in order (steps 1 to 4 above).
    public static func candidateFolders(of module: String,
                                        environment: [String: String] = ProcessInfo.processInfo.environment,
                                        executablePath: String? = TaskaResources.executablePath()) -> [String] {
        let bundle = bundleName(of: module)
        var folders: [String] = []
        if let root = environment[environmentVariable], !root.isEmpty {
            folders.append((root as NSString).appendingPathComponent(bundle))
        }
        if let executablePath {
            let folder = (executablePath as NSString).deletingLastPathComponent
            folders.append((folder as NSString).appendingPathComponent(bundle))
            let share = ((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("share/taska")
            folders.append((share as NSString).appendingPathComponent(bundle))
        }
        folders.append((installedFolder as NSString).appendingPathComponent(bundle))
        return folders
    }

    /// The path of `file` (a path inside the bundle, such as `Pipelines/feeds.yaml`) in the first
    /// candidate folder that has it, else in `fallback()` (the module's `Bundle.module`), else nil.
    public static func path(of file: String, in module: String, fallback: () -> Bundle?) -> String? {
        for folder in candidateFolders(of: module) {
            let path = (folder as NSString).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        guard let bundle = fallback() else { return nil }
        let path = (bundle.bundlePath as NSString).appendingPathComponent(file)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The running executable's path with symbolic links resolved (`/proc/self/exe` on Linux).
    public static func executablePath() -> String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return target
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
