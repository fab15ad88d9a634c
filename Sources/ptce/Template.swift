import ArgumentParser
import Foundation
import PTCEKit

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a workbook to start a network from: the sheets, their headers, drop-down lists, and how to fill them.",
        discussion: """
        Writes an .xlsx workbook (Excel, LibreOffice) with the sheets Acteurs, Liens, Groupes and Adhésions (Actors, \
        Ties, Groups, Memberships with --lang en) and their headers; a sheet "À lire" explains each column with an \
        example; the Type, Type de lien and Rôle columns offer drop-down lists of the labels (sheet "Listes"). The \
        empty workbook validates; once filled, give it to any command as it is: ptce validate reseau.xlsx.
        """
    )

    @Option(name: .shortAndLong, help: "The workbook to write (.xlsx).")
    var out: String

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @Option(help: "Language of the sheets and messages: fr or en.")
    var lang: Language = .fr

    func validate() throws {
        guard (out as NSString).pathExtension.lowercased() == "xlsx" else {
            throw ValidationError(lang == .fr ? "--out doit finir par .xlsx" : "--out must end in .xlsx")
        }
    }

    func run() throws {
        let policy = OutputPolicy(inputs: [], force: force, language: lang)
        try policy.check(file: out)
        try writeWorkbook({ try TemplateWorkbook.data(language: lang) }, to: URL(fileURLWithPath: out), language: lang)
        printError(lang == .fr ? "\(out) : modèle écrit (feuilles À lire, Acteurs, Liens, Groupes, Adhésions, Listes) ; une fois rempli : ptce validate \(out)"
                               : "\(out): template written (sheets Read me, Actors, Ties, Groups, Memberships, Lists); once filled in: ptce validate \(out)")
    }
}
