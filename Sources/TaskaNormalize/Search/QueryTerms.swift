extension TextNormalizer {
    /// The search terms of a user's query, in search-key form: normalised like record text,
    /// then given the search key's folds (spelling variants included, so `k'asa`, `ƙasa` and
    /// `K'ASA` give the same term), then split into words.
    ///
    /// Why: the archive indexes `searchKey`, so a query must be folded the same way. The key
    /// folds spelling variants in every text whatever its language, because a query's
    /// language cannot be known.
    public func searchTerms(_ query: String) -> [String] {
        let key = searchKey(normalize(query))
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
