import DSOForecast
import Foundation
import Testing

/// Identities and limits of the clear-sky, decomposition and transposition models that hold whatever the
/// implementation: closure (DHI + DNI cos z = GHI), a flat plane sees GHI, a plane facing the sun sees DNI.
@Suite struct IrradianceModelTests {
    static let site = try! SolarSite(latitudeDegrees: 36.1, longitudeDegrees: -79.95, altitudeMetres: 270)

    @Test func ineichenClosesAndDimsWithTurbidity() throws {
        var previousGHI = Double.infinity
        for turbidity in [2.0, 3.0, 4.5, 6.0] {
            let model = try ClearSkyModel.ineichenPerez(linkeTurbidity: turbidity)
            let sky = model.irradiance(apparentZenithDegrees: 40, site: Self.site, extraterrestrialNormalWattsPerSquareMetre: 1361)
            let closure = sky.dhiWattsPerSquareMetre + sky.dniWattsPerSquareMetre * cos(40 * Double.pi / 180)
            #expect(abs(closure - sky.ghiWattsPerSquareMetre) < 1e-9)
            #expect(sky.ghiWattsPerSquareMetre < previousGHI && sky.ghiWattsPerSquareMetre < 1361)
            #expect(sky.dhiWattsPerSquareMetre > 0 && sky.dniWattsPerSquareMetre > 0)
            previousGHI = sky.ghiWattsPerSquareMetre
        }
        let night = try ClearSkyModel.ineichenPerez(linkeTurbidity: 3)
            .irradiance(apparentZenithDegrees: 95, site: Self.site, extraterrestrialNormalWattsPerSquareMetre: 1361)
        #expect(night == .zero)
        #expect(throws: ForecastError("linkeTurbidity: expected 1.0…10.0 (dimensionless), got 0.5")) {
            try ClearSkyModel.ineichenPerez(linkeTurbidity: 0.5)
        }
    }

    /// Haurwitz overhead: 1098 · e^−0.059 ≈ 1035.1 W/m²; zero at night; the Erbs split closes.
    @Test func haurwitzOverheadAndAtNight() {
        #expect(abs(ClearSkyModel.haurwitzGHI(apparentZenithDegrees: 0) - 1035.1) < 0.1)
        #expect(ClearSkyModel.haurwitzGHI(apparentZenithDegrees: 90.5) == 0)
        let sky = ClearSkyModel.haurwitz.irradiance(apparentZenithDegrees: 30, site: Self.site,
                                                    extraterrestrialNormalWattsPerSquareMetre: 1361)
        #expect(abs(sky.dhiWattsPerSquareMetre + sky.dniWattsPerSquareMetre * cos(Double.pi / 6) - sky.ghiWattsPerSquareMetre) < 1e-9)
    }

    /// Erbs: overcast (kt ≤ 0.22) is almost all diffuse, very clear (kt > 0.8) keeps 16.5 % diffuse, low sun
    /// (z > 87°) is all diffuse; DHI + DNI cos z = GHI throughout.
    @Test func erbsBranches() {
        let e0 = 1361.0, zenith = 30.0, cosZ = cos(zenith * Double.pi / 180)
        let overcast = Erbs.decompose(ghiWattsPerSquareMetre: 0.1 * e0 * cosZ, zenithDegrees: zenith,
                                      extraterrestrialNormalWattsPerSquareMetre: e0)
        #expect(abs(overcast.dhiWattsPerSquareMetre / overcast.ghiWattsPerSquareMetre - (1 - 0.09 * 0.1)) < 1e-12)
        let clear = Erbs.decompose(ghiWattsPerSquareMetre: 0.85 * e0 * cosZ, zenithDegrees: zenith,
                                   extraterrestrialNormalWattsPerSquareMetre: e0)
        #expect(abs(clear.dhiWattsPerSquareMetre / clear.ghiWattsPerSquareMetre - 0.165) < 1e-12)
        for split in [overcast, clear] {
            #expect(abs(split.dhiWattsPerSquareMetre + split.dniWattsPerSquareMetre * cosZ - split.ghiWattsPerSquareMetre) < 1e-9)
        }
        let low = Erbs.decompose(ghiWattsPerSquareMetre: 20, zenithDegrees: 88, extraterrestrialNormalWattsPerSquareMetre: e0)
        #expect(low.dniWattsPerSquareMetre == 0 && low.dhiWattsPerSquareMetre == 20)
    }

    @Test func flatPlaneSeesGHIAndAPlaneFacingTheSunSeesDNI() throws {
        let sky = HorizontalIrradiance(ghiWattsPerSquareMetre: 700, dniWattsPerSquareMetre: 800, dhiWattsPerSquareMetre: 700 - 800 * cos(Double.pi / 3))
        let flat = try SurfaceOrientation(tiltDegrees: 0, azimuthDegrees: 180)
        for model in SkyDiffuseModel.allCases {
            let poa = PlaneOfArray.irradiance(surface: flat, zenithDegrees: 60, sunAzimuthDegrees: 200, horizontal: sky,
                                              extraterrestrialNormalWattsPerSquareMetre: 1361, albedo: 0.3, model: model)
            #expect(abs(poa.globalWattsPerSquareMetre - 700) < 1e-9)
            #expect(poa.groundReflectedWattsPerSquareMetre == 0)
        }
        let facing = try SurfaceOrientation(tiltDegrees: 60, azimuthDegrees: 200)
        let poa = PlaneOfArray.irradiance(surface: facing, zenithDegrees: 60, sunAzimuthDegrees: 200, horizontal: sky,
                                          extraterrestrialNormalWattsPerSquareMetre: 1361, albedo: 0.3, model: .isotropic)
        #expect(abs(poa.angleOfIncidenceDegrees) < 1e-5)
        #expect(abs(poa.beamWattsPerSquareMetre - 800) < 1e-9)
        #expect(abs(poa.groundReflectedWattsPerSquareMetre - 700 * 0.3 * 0.25) < 1e-9)  // (1 − cos 60°)/2 = ¼
        // Sun behind the plane: no beam, the angle of incidence past 90°.
        let behind = PlaneOfArray.irradiance(surface: facing, zenithDegrees: 60, sunAzimuthDegrees: 20, horizontal: sky,
                                             extraterrestrialNormalWattsPerSquareMetre: 1361, albedo: 0.3, model: .hayDavies)
        #expect(behind.beamWattsPerSquareMetre == 0 && behind.angleOfIncidenceDegrees > 90)
    }

    @Test func orientationValidationNamesTheParameter() {
        #expect(throws: ForecastError("tiltDegrees: expected 0.0…90.0 degrees, got 95.0")) {
            try SurfaceOrientation(tiltDegrees: 95, azimuthDegrees: 180)
        }
        #expect(throws: ForecastError("azimuthDegrees: expected 0.0…360.0 degrees, got -10.0")) {
            try SurfaceOrientation(tiltDegrees: 30, azimuthDegrees: -10)
        }
    }
}
