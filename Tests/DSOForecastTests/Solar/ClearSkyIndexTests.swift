import DSOForecast
import Testing

/// The clear-sky index's low-sun rule, clipping and the forecast it feeds.
@Suite struct ClearSkyIndexTests {
    @Test func indexIsTheRatioWithinItsGuards() {
        #expect(ClearSkyIndex.index(measured: 400, clearSky: 800, apparentZenithDegrees: 40) == 0.5)
        #expect(ClearSkyIndex.index(measured: 800, clearSky: 800, apparentZenithDegrees: 84.9) == 1)
        #expect(ClearSkyIndex.index(measured: 50, clearSky: 10, apparentZenithDegrees: 40) == ClearSkyIndex.maximumIndex)
        #expect(ClearSkyIndex.index(measured: -3, clearSky: 500, apparentZenithDegrees: 40) == 0)
        // Low sun and night: unknown, not cloudy.
        #expect(ClearSkyIndex.index(measured: 20, clearSky: 30, apparentZenithDegrees: 86).isNaN)
        #expect(ClearSkyIndex.index(measured: 0, clearSky: 0, apparentZenithDegrees: 40).isNaN)
        #expect(ClearSkyIndex.index(measured: 1, clearSky: 2, apparentZenithDegrees: 40, minimumClearSky: 5).isNaN)
        #expect(ClearSkyIndex.index(measured: .nan, clearSky: 500, apparentZenithDegrees: 40).isNaN)
    }

    @Test func forecastScalesTheClearSkyAndFallsBackForAnUnknownIndex() {
        #expect(ClearSkyIndex.forecast(clearSky: 6, index: 0.5) == 3)
        #expect(ClearSkyIndex.forecast(clearSky: 6, index: .nan) == 6)
        #expect(ClearSkyIndex.forecast(clearSky: 6, index: .nan, fallbackIndex: 0.7) == 6 * 0.7)
        #expect(ClearSkyIndex.forecast(clearSky: 6, index: 5) == 12)
    }
}
