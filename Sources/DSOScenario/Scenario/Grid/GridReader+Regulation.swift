/// `[regulation]`'s grid key: both formats start from the award; where the signal comes from differs.
extension GridReader {
    /// `award_mw`, MW (0: no regulation). A scenario's award stands for its run; a service's until the ISO
    /// writes one.
    package func regulationAwardMW(_ section: TableReader) -> Double {
        section.double("award_mw", default: 0, .nonNegative)
    }
}
