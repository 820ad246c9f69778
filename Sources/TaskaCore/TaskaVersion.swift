/// Taska's version: fixes the behaviour of every stage and goes into every record.
public enum TaskaVersion {
    public static let string = "0.1.0"
}
