import DSOForecast
import Testing
import OpenDSOTestSupport

/// The penalty search scores each λ on the latest rows and picks the best.
@Suite struct RidgePenaltySearchTests {
    /// The chosen λ's score is what a fit on the first 80 % scores on the last 20 %, and it is the minimum.
    @Test func scoresAreHoldoutErrorsOnTheLatestRows() throws {
        let data = RandomRegressionData.linear(rows: 100, columns: 4, noise: 2, seed: 51)
        let search = RidgePenaltySearch()
        let choice = try search.choose(data.features, targets: data.y)
        #expect(choice.trainingRowCount == 80 && choice.validationRowCount == 20)
        #expect(choice.validationRMSE.count == search.penalties.count)
        #expect(choice.validationRMSE.min() == choice.validationRMSE[search.penalties.firstIndex(of: choice.penalty)!])

        var ridge = RidgeRegression(penalty: choice.penalty)
        try ridge.fit(data.features.rows(0..<80), targets: Array(data.y[..<80]))
        let predictions = try ridge.predict(data.features.rows(80..<100))
        let squares = zip(predictions, data.y[80...]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        let rmse = (squares / 20).squareRoot()
        #expect(abs(rmse - choice.validationRMSE.min()!) < 1e-12)
    }

    /// Pure noise targets want the heaviest penalty (predict the mean); a clean linear signal a light one.
    @Test func noiseWantsAHeavyPenaltyAndSignalALightOne() throws {
        let signal = RandomRegressionData.linear(rows: 400, columns: 4, noise: 0.01, seed: 52)
        let signalChoice = try RidgePenaltySearch().choose(signal.features, targets: signal.y)
        #expect(signalChoice.penalty <= 0.1)

        var generator = SeededGenerator(seed: 53)
        let noise = RandomRegressionData.linear(rows: 60, columns: 10, seed: 54)
        let noiseTargets = noise.y.map { _ in normal(&generator) }
        let noiseChoice = try RidgePenaltySearch().choose(noise.features, targets: noiseTargets)
        #expect(noiseChoice.penalty >= 30)
        print("penalty search: signal λ \(signalChoice.penalty), noise λ \(noiseChoice.penalty) \(noiseChoice.validationRMSE)")
    }
}
