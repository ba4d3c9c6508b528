public import DSOModel

extension ServiceConfiguration {
    /// The grid of a substation on real devices (`[[drivers]]` mode): what is commissioned there —
    /// interface points with their limits and meters, resources with their ratings, schedules and the
    /// regulation award — and none of a simulation's physics, since the devices report their own state.
    public struct PlantGrid: Sendable {
        /// Interface points and resources, in the kernel's order (resources grouped by interface point).
        public var model: SubstationModel
        /// Scheduled net import per interface point, by interface point then start (kernel time).
        public var schedules: [ScheduleEntry]
        /// Regulation award the ISO link starts with until the ISO writes one, MW (`[regulation] award_mw`).
        public var regulationAwardMW: Double

        public init(model: SubstationModel, schedules: [ScheduleEntry], regulationAwardMW: Double = 0) {
            self.model = model
            self.schedules = schedules
            self.regulationAwardMW = regulationAwardMW
        }

        /// How long `schedule_kw` holds: a constant schedule has no end on a service's clock, but the
        /// kernel's intervals do; ten years of run time stands for "until replaced".
        public static let constantScheduleSeconds = 10 * 365 * 86_400.0
    }
}
