extension String {
    /// The text without leading and trailing spaces (a time joined from two CSV fields, a list of column names).
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
