/// Selects the element of rank `rank` in `values[0..<count]` by Hoare's quickselect with a
/// median-of-three pivot, partially reordering the buffer in place (no allocation, expected O(count)).
/// Values must be finite (NaN breaks the ordering); `rank` must be in 0..<count.
func selectRank(_ rank: Int, in values: UnsafeMutableBufferPointer<Double>, count: Int) -> Double {
    var left = 0
    var right = count - 1
    while left < right {
        let middle = left + (right - left) / 2
        let first = values[left], center = values[middle], last = values[right]
        // The pivot is one of the three values, so both scans below stop inside [left, right].
        let pivot = max(min(first, center), min(max(first, center), last))
        var i = left
        var j = right
        while i <= j {
            while values[i] < pivot { i += 1 }
            while values[j] > pivot { j -= 1 }
            if i <= j {
                values.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
        // Now values[left...j] ≤ pivot ≤ values[i...right], and everything strictly between equals pivot.
        if rank <= j {
            right = j
        } else if rank >= i {
            left = i
        } else {
            return values[rank]
        }
    }
    return values[rank]
}
