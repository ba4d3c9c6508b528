import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A test driver whose behaviour the test scripts while it runs: good values, NaN, an error return,
/// a read that sleeps past its deadline, or a value outside its declared limits. Each instance picks a
/// slot with `slot=N` in its configuration; the test drives slots through `scripted_set`, found with
/// `dlsym` in the same (already loaded) library.
public enum ScriptedDriver {
    public enum Mode: Int32 {
        case good = 0, nan = 1, error = 2, hang = 3, outOfLimits = 4, refuseWrites = 5
    }

    public static let source = #"""
    #include <dso_driver.h>
    #include <math.h>
    #include <stdatomic.h>
    #include <stdio.h>
    #include <stdlib.h>
    #include <string.h>
    #include <time.h>

    #define SLOTS 16
    static _Atomic int modes[SLOTS];
    static _Atomic int hang_ms[SLOTS];
    static _Atomic double power_kw[SLOTS];
    static _Atomic double last_setpoint[SLOTS];
    static _Atomic long long last_valid_until[SLOTS];
    static _Atomic int writes[SLOTS];

    __attribute__((visibility("default"))) void scripted_set(int slot, int mode, int hang, double power) {
        modes[slot] = mode; hang_ms[slot] = hang; power_kw[slot] = power;
    }
    __attribute__((visibility("default"))) int scripted_writes(int slot) { return writes[slot]; }
    __attribute__((visibility("default"))) double scripted_last_setpoint(int slot) { return last_setpoint[slot]; }
    __attribute__((visibility("default"))) long long scripted_last_valid_until(int slot) { return last_valid_until[slot]; }

    typedef struct { int slot; const dso_host *host; } scripted;

    static void *s_open(const dso_host *host, const char *config, char *error, size_t capacity) {
        int slot = -1;
        if (config == NULL || sscanf(config, "slot=%d", &slot) != 1 || slot < 0 || slot >= SLOTS) {
            snprintf(error, capacity, "scripted: expected config 'slot=0…15', found '%s'", config ? config : "(null)");
            return NULL;
        }
        scripted *s = calloc(1, sizeof *s);
        s->slot = slot; s->host = host;
        host->log(host->context, DSO_LOG_INFO, "scripted driver opened");
        return s;
    }
    static int32_t s_count(void *instance) { (void)instance; return 4; }
    static int32_t s_info(void *instance, int32_t index, dso_point_info *out) {
        (void)instance;
        switch (index) {
        case 0: *out = (dso_point_info){"p_kw", "kW", DSO_POINT_MEASUREMENT, 0, -100, 100}; return DSO_OK;
        case 1: *out = (dso_point_info){"soc", "", DSO_POINT_MEASUREMENT, 0, 0, 1}; return DSO_OK;
        case 2: *out = (dso_point_info){"p_w", "W", DSO_POINT_MEASUREMENT, 0, -1e5, 1e5}; return DSO_OK;
        case 3: *out = (dso_point_info){"p_set_kw", "kW", DSO_POINT_SETPOINT, 1, -100, 100}; return DSO_OK;
        default: return DSO_ERROR_INVALID;
        }
    }
    static int32_t s_read(void *instance, double *values, int64_t *timestamps, int32_t count, char *error, size_t capacity) {
        scripted *s = instance;
        int mode = modes[s->slot];
        if (mode == 3) {
            struct timespec pause = { hang_ms[s->slot] / 1000, (long)(hang_ms[s->slot] % 1000) * 1000000L };
            nanosleep(&pause, NULL);
        }
        if (mode == 2) { snprintf(error, capacity, "scripted slot %d: device did not answer", s->slot); return DSO_ERROR_IO; }
        double power = power_kw[s->slot];
        values[0] = mode == 1 ? NAN : (mode == 4 ? 1e6 : power);
        values[1] = 0.5;
        values[2] = power * 1000;
        values[3] = last_setpoint[s->slot];
        for (int32_t i = 0; i < count; i++) timestamps[i] = 0;
        return DSO_OK;
    }
    static int32_t s_write(void *instance, int32_t index, double value, int64_t valid_until, char *error, size_t capacity) {
        scripted *s = instance;
        if (modes[s->slot] == 5) { snprintf(error, capacity, "scripted slot %d: write refused", s->slot); return DSO_ERROR_IO; }
        if (index != 3) return DSO_ERROR_READ_ONLY;
        last_setpoint[s->slot] = value; last_valid_until[s->slot] = valid_until; writes[s->slot]++;
        return DSO_OK;
    }
    static void s_close(void *instance) { free(instance); }
    static const dso_driver vtable = { DSO_DRIVER_ABI_VERSION, sizeof(dso_driver), "scripted", "0.1",
                                       s_open, s_count, s_info, s_read, s_write, s_close };
    __attribute__((visibility("default"))) const dso_driver *dso_driver_entry(void) { return &vtable; }
    """#

    /// Controls the slots of one built copy of the scripted driver (its own globals).
    public struct Controller {
        private typealias SetFunction = @convention(c) (Int32, Int32, Int32, Double) -> Void
        private typealias WritesFunction = @convention(c) (Int32) -> Int32
        private typealias SetpointFunction = @convention(c) (Int32) -> Double
        private let setFunction: SetFunction
        private let writesFunction: WritesFunction
        private let setpointFunction: SetpointFunction

        public init(libraryPath: String) {
            let handle = dlopen(libraryPath, RTLD_NOW | RTLD_LOCAL)!
            setFunction = unsafeBitCast(dlsym(handle, "scripted_set")!, to: SetFunction.self)
            writesFunction = unsafeBitCast(dlsym(handle, "scripted_writes")!, to: WritesFunction.self)
            setpointFunction = unsafeBitCast(dlsym(handle, "scripted_last_setpoint")!, to: SetpointFunction.self)
        }

        public func set(slot: Int32, _ mode: Mode, hangMilliseconds: Int32 = 0, powerKW: Double = 10) {
            setFunction(slot, mode.rawValue, hangMilliseconds, powerKW)
        }

        public func writes(slot: Int32) -> Int { Int(writesFunction(slot)) }
        public func lastSetpoint(slot: Int32) -> Double { setpointFunction(slot) }
    }
}
