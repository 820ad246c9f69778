/// Failures of language identification: a missing or damaged model, an unreadable corpus.
public enum DetectError: Error, CustomStringConvertible, Equatable {
    /// The model file is not one this version reads.
    case badModel(String)
    /// The shipped model resource is missing from the build.
    case modelMissing(String)
    /// The training corpus could not be read or has no usable labels.
    case corpus(String)

    public var description: String {
        switch self {
        case .badModel(let why): "language model: \(why) (rebuild it with `taska model train`)"
        case .modelMissing(let why): "language model missing: \(why) (rebuild the package; the model ships as a resource of TaskaDetect)"
        case .corpus(let why): "training corpus: \(why)"
        }
    }
}
