import TaskaCore

/// Failures of hooked-letter restoration: a missing or damaged model, an unreadable corpus.
///
/// Why typed: the stage turns them into error records and the CLI into exit messages, and each
/// says what to do (rebuild the package, retrain the model, point at the right corpus).
public enum RestoreError: DocumentError, Equatable {
    /// The model file is not one this version reads.
    case badModel(String)
    /// The shipped model resource is missing from the build.
    case modelMissing(String)
    /// The training corpus could not be read or holds no hooked letters to learn from.
    case corpus(String)

    public var description: String {
        switch self {
        case .badModel(let why): "hooked-letter model: \(why) (rebuild it with `taska model train-hooks`, or scripts/check-hooks-model)"
        case .modelMissing(let why): "hooked-letter model missing: \(why) (rebuild the package; the model ships as a resource of TaskaRestore)"
        case .corpus(let why): "hooked-letter training corpus: \(why)"
        }
    }
}
