import ArgumentParser

/// `--archive PATH`, shared by every command that reads the archive.
struct ArchiveOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file.", valueName: "PATH"))
    var archive: String = "taska.sqlite"
}
