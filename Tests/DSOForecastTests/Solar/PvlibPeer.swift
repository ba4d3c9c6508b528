import Foundation
import OpenDSOTestSupport

/// Runs pvlib (pinned in scripts/setup-peers.sh) on the instants, sites and surfaces the cross-check chose and
/// returns pvlib's figures for every stage, so each Swift stage can be fed pvlib's own upstream values and
/// compared in isolation, and the whole chain compared end to end.
enum PvlibPeer {
    /// `OPENDSO_PYTHON` when set, else the worktree's .venv.
    static var python: String { Repository.peerPython }

    static var unavailableReason: String? { Repository.peerPythonUnavailableReason }

    struct Site: Codable {
        var name: String
        var latitude: Double
        var longitude: Double
        var altitude: Double
        var linkeTurbidity: Double
        var unixSeconds: [Int64]
        /// Multipliers of the clear-sky GHI fed to Erbs, to reach every kt branch.
        var erbsFactors: [Double]
        var airTemperatures: [Double]
    }

    struct Surface: Codable {
        var tilt: Double
        var azimuth: Double
    }

    struct System: Codable {
        var dcKW: Double
        var acLimitKW: Double
        var gamma: Double
        var losses: Double
        var efficiency: Double
        var noct: Double
    }

    struct Request: Codable {
        var deltaT: Double
        var albedo: Double
        var surfaces: [Surface]
        var system: System
        var sites: [Site]
    }

    struct SiteResult: Decodable {
        var apparentZenith: [Double?]
        var zenith: [Double?]
        var azimuth: [Double?]
        var dniExtra: [Double?]
        var airmassRelative: [Double?]
        var airmassAbsolute: [Double?]
        var ghi: [Double?]
        var dni: [Double?]
        var dhi: [Double?]
        var haurwitz: [Double?]
        /// Per surface, per model ("isotropic", "haydavies"): global and its parts, on pvlib's own clear sky.
        var poa: [[String: PoaResult]]
        var aoi: [[Double?]]
        var erbsDni: [Double?]
        var erbsDhi: [Double?]
        var pvwattsDC: [Double?]
        var clearSkyACKW: [Double?]
    }

    struct PoaResult: Decodable {
        var global: [Double?]
        var direct: [Double?]
        var sky: [Double?]
        var ground: [Double?]
    }

    struct Response: Decodable {
        var pvlib: String
        var sites: [SiteResult]
    }

    static func run(_ request: Request) throws -> Response {
        let directory = FileManager.default.temporaryDirectory
        let id = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let input = directory.appendingPathComponent("opendso-pvlib-\(id).json")
        let scriptFile = directory.appendingPathComponent("opendso-pvlib-\(id).py")
        try JSONEncoder().encode(request).write(to: input)
        try Data(script.utf8).write(to: scriptFile)
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: scriptFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scriptFile.path, input.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()  // before waiting: no pipe deadlock
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerFailure(description: "pvlib peer exited \(process.terminationStatus): \(errorText)")
        }
        return try JSONDecoder().decode(Response.self, from: data)
    }

    struct PeerFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The peer: pvlib's documented public functions only, with every input explicit (pressure from
    /// alt2pres, 12 °C for refraction, the same ΔT, Spencer extraterrestrial, Kasten–Young air mass).
    static let script = #"""
    import json, sys, warnings
    import numpy as np
    import pandas as pd
    import pvlib
    from pvlib import atmosphere, clearsky, irradiance, pvsystem, solarposition, temperature

    warnings.simplefilter("ignore")
    request = json.load(open(sys.argv[1]))

    def listed(values):
        return [float(v) if np.isfinite(v) else None for v in np.asarray(values, dtype=float)]

    results = []
    system = request["system"]
    for site in request["sites"]:
        times = pd.to_datetime(np.asarray(site["unixSeconds"], dtype=np.int64), unit="s", utc=True)
        pressure = atmosphere.alt2pres(site["altitude"])
        position = solarposition.spa_python(times, site["latitude"], site["longitude"], altitude=site["altitude"],
                                            pressure=pressure, temperature=12.0, delta_t=request["deltaT"])
        zenith = position["apparent_zenith"].to_numpy()
        azimuth = position["azimuth"].to_numpy()
        dni_extra = np.asarray(irradiance.get_extra_radiation(times, method="spencer"), dtype=float)
        am_rel = np.asarray(atmosphere.get_relative_airmass(zenith, model="kastenyoung1989"), dtype=float)
        am_abs = np.asarray(atmosphere.get_absolute_airmass(am_rel, pressure), dtype=float)
        sky = clearsky.ineichen(zenith, am_abs, site["linkeTurbidity"], altitude=site["altitude"],
                                dni_extra=dni_extra)
        ghi, dni, dhi = (np.asarray(sky[k], dtype=float) for k in ("ghi", "dni", "dhi"))
        haurwitz = clearsky.haurwitz(pd.Series(zenith, index=times))["ghi"].to_numpy()
        poa, aoi = [], []
        for surface in request["surfaces"]:
            entry = {}
            for model in ("isotropic", "haydavies"):
                total = irradiance.get_total_irradiance(surface["tilt"], surface["azimuth"], zenith, azimuth,
                                                        dni, ghi, dhi, dni_extra=dni_extra, airmass=am_rel,
                                                        albedo=request["albedo"], model=model)
                entry[model] = {"global": listed(total["poa_global"]), "direct": listed(total["poa_direct"]),
                                "sky": listed(total["poa_sky_diffuse"]), "ground": listed(total["poa_ground_diffuse"])}
            poa.append(entry)
            aoi.append(listed(irradiance.aoi(surface["tilt"], surface["azimuth"], zenith, azimuth)))
        erbs = irradiance.erbs(ghi * np.asarray(site["erbsFactors"]), zenith, times)
        air = np.asarray(site["airTemperatures"], dtype=float)
        first = request["surfaces"][0]
        poa_global = np.asarray(irradiance.get_total_irradiance(
            first["tilt"], first["azimuth"], zenith, azimuth, dni, ghi, dhi, dni_extra=dni_extra,
            airmass=am_rel, albedo=request["albedo"], model="haydavies")["poa_global"], dtype=float)
        cell = temperature.ross(poa_global, air, system["noct"])
        dc = np.asarray(pvsystem.pvwatts_dc(poa_global, cell, system["dcKW"], system["gamma"]), dtype=float)
        ac = np.minimum(np.maximum(dc * (1 - system["losses"]), 0) * system["efficiency"], system["acLimitKW"])
        results.append({
            "apparentZenith": listed(zenith), "zenith": listed(position["zenith"]), "azimuth": listed(azimuth),
            "dniExtra": listed(dni_extra), "airmassRelative": listed(am_rel), "airmassAbsolute": listed(am_abs),
            "ghi": listed(ghi), "dni": listed(dni), "dhi": listed(dhi), "haurwitz": listed(haurwitz),
            "poa": poa, "aoi": aoi, "erbsDni": listed(erbs["dni"]), "erbsDhi": listed(erbs["dhi"]),
            "pvwattsDC": listed(dc), "clearSkyACKW": listed(ac),
        })
    print(json.dumps({"pvlib": pvlib.__version__, "sites": results}))
    """#
}
