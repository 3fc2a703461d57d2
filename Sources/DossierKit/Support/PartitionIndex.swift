extension Array {
    /// The first index whose element is not `isBefore`, in an array already ordered so that every such element
    /// comes first: a binary search for where a position starts (tokens by offset, mentions by token).
    @inline(__always)
    func partitionIndex(where isBefore: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
