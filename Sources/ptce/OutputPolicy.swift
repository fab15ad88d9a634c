import ArgumentParser
import Foundation
import PTCEKit

/// Where a command may write, one rule for every command:
/// - never onto a file it reads, nor into a folder it reads, compared by real path (through symbolic links and
///   `..`), so `render x.dot --out x.dot`, a symlinked folder or `analyze self/summary.json --out self` are refused
///   (exit 73) before anything is read or written;
/// - an existing output is replaced only with `--force` (exit 73 otherwise, with the hint).
struct OutputPolicy {
    /// Real paths of the files and folders the command reads.
    let inputs: [String]
    let force: Bool
    let language: Language

    init(inputs: [String?], force: Bool, language: Language) {
        self.inputs = inputs.compactMap { $0 }.compactMap(OutputPolicy.realPath)
        self.force = force
        self.language = language
    }

    /// The real path of `path`: of the path itself when it exists, else of its parent folder plus its name.
    static func realPath(_ path: String) -> String? {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        guard let resolved = realpath(parent, nil) else { return nil }
        defer { free(resolved) }
        return (String(cString: resolved) as NSString).appendingPathComponent(url.lastPathComponent)
    }

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// Refuses `path` (a file to write) when it is, or resolves to, an input or lies in an input folder, and when it
    /// exists without `--force`.
    func check(file path: String) throws {
        let fr = language == .fr
        if let target = OutputPolicy.realPath(path) {
            for input in inputs {
                let inside = isFolder(input) && (target == input || target.hasPrefix(input + "/"))
                if target == input || inside {
                    printError(fr ? "\(path): erreur : ce fichier est une entrée (\(input)) : ptce n'écrit jamais sur ses données\n  conseil : choisissez une sortie hors des fichiers et dossiers lus"
                                  : "\(path): error: this file is an input (\(input)): ptce never writes over its data\n  hint: choose an output outside the files and folders it reads")
                    throw Exit.cannotCreate
                }
            }
        }
        var folder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &folder) && !force {
            printError(fr ? "\(path): erreur : existe déjà\n  conseil : ajoutez --force pour le remplacer, ou choisissez un autre nom"
                          : "\(path): error: already exists\n  hint: add --force to replace it, or choose another name")
            throw Exit.cannotCreate
        }
    }

    /// Refuses an output folder that is, or lies in, an input folder, or is an input file's folder; then checks each
    /// of `files` in it.
    func check(folder path: String, files: [String]) throws {
        let fr = language == .fr
        if let target = OutputPolicy.realPath(path) {
            for input in inputs {
                guard isFolder(input) else { continue }
                let inputFolder = input
                if target == inputFolder || target.hasPrefix(inputFolder + "/") {
                    printError(fr ? "\(path): erreur : le dossier de sortie ne peut pas être le dossier des données (\(inputFolder))\n  conseil : choisissez un autre dossier, par exemple --out resultats"
                                  : "\(path): error: the output folder cannot be the input folder (\(inputFolder))\n  hint: choose another folder, for example --out results")
                    throw Exit.cannotCreate
                }
            }
        }
        for file in files { try check(file: (path as NSString).appendingPathComponent(file)) }
    }
}
