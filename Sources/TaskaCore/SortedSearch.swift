extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// The first index whose element is not below `value` (`endIndex` when none), by binary
    /// search; the collection must be ascending.
    @inlinable
    public func firstIndex(notBelow value: Element) -> Int {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let mid = low + (high - low) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
