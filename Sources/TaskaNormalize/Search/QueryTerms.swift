extension TextNormalizer {
    /// The search terms of a user's query, in search-key form: normalised like record text,
    /// with the Hausa/Kanuri spelling folds applied whatever the gate says (a query is too
    /// short for letter statistics, and `k'asa` must find `ƙasa`), then split into words.
    ///
    /// Why: the archive indexes `searchKey`, so a query must be folded the same way.
    public func searchTerms(_ query: String) -> [String] {
        var changes = NormalizationChanges()
        var scalars = ScalarText.scalars(of: query)
        if options.orthographyFolds {
            scalars = OrthographyFolder.fold(scalars, changes: &changes)
        }
        let normalized = normalize(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))))
        let key = searchKey(normalized)
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                || p.generalCategory == .spacingMark || scalar.value == 0x02BC {
                current.append(scalar)
            } else if !current.isEmpty {
                terms.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { terms.append(String(current)) }
        return terms
    }
}
