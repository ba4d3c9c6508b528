/*
 * OpenDSO example driver in C: a simulated battery behind the driver ABI (dso_driver.h, version 1).
 *
 * It is small but real: power follows the written set point while the set point is valid, state of
 * charge integrates that power on the host's clock (dso_host.now_ns, so it runs on virtual time in
 * simulations), and it stops discharging when empty and charging when full.
 *
 * Configuration string: `key=value` pairs separated by `;`, `,` or spaces, e.g.
 *   "capacity_kwh=200; max_charge_kw=100; max_discharge_kw=100; soc_percent=50"
 * capacity_kwh and max_discharge_kw are required; max_charge_kw defaults to max_discharge_kw and
 * soc_percent to 50. Unknown keys and bad numbers are refused with a message naming the key.
 *
 * Build: cc -shared -fPIC -fvisibility=hidden -I Sources/DSODriverABI/include \
 *           -o libexample_driver.so Plugins/ExampleC/example_driver.c
 */
#include <dso_driver.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { P_KW, SOC, AVAILABLE_UP_KW, AVAILABLE_DOWN_KW, FAULT, P_SET_KW, POINT_COUNT };

typedef struct battery {
    const dso_host *host;
    double capacity_kwh;
    double max_charge_kw;
    double max_discharge_kw;
    double energy_kwh;
    double setpoint_kw;        /* generation-positive */
    int64_t valid_until_ns;
    int64_t updated_ns;        /* host time up to which energy_kwh is integrated */
    double power_kw;           /* what the battery does now */
} battery;

static void message(char *error, size_t capacity, const char *format, ...) {
    if (error == NULL || capacity == 0) return;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(error, capacity, format, arguments);
    va_end(arguments);
}

static void host_log(const battery *b, int32_t level, const char *text) {
    if (b->host != NULL && b->host->log != NULL) b->host->log(b->host->context, level, text);
}

static int64_t host_now(const battery *b) {
    return (b->host != NULL && b->host->now_ns != NULL) ? b->host->now_ns(b->host->context) : 0;
}

/* Power the battery delivers under `setpoint` at state `energy`: the set point while valid, else idle
 * (the time-to-live rule), never discharging when empty or charging when full. */
static double power_now(const battery *b, int64_t now) {
    double power = now < b->valid_until_ns ? b->setpoint_kw : 0.0;
    if (power > b->max_discharge_kw) power = b->max_discharge_kw;
    if (power < -b->max_charge_kw) power = -b->max_charge_kw;
    if (power > 0 && b->energy_kwh <= 0) power = 0;
    if (power < 0 && b->energy_kwh >= b->capacity_kwh) power = 0;
    return power;
}

/* Integrates energy from `updated_ns` to `now` at the power in force (piecewise: the set point may
 * expire inside the interval). */
static void advance(battery *b, int64_t now) {
    if (now <= b->updated_ns) return;
    int64_t from = b->updated_ns;
    while (from < now) {
        int64_t to = now;
        if (from < b->valid_until_ns && b->valid_until_ns < now) to = b->valid_until_ns;
        double power = power_now(b, from);
        b->energy_kwh -= power * (double)(to - from) / 3.6e12;
        if (b->energy_kwh < 0) b->energy_kwh = 0;
        if (b->energy_kwh > b->capacity_kwh) b->energy_kwh = b->capacity_kwh;
        from = to;
    }
    b->updated_ns = now;
    b->power_kw = power_now(b, now);
}

/* Parses one number for `key`; writes an error naming key and value on failure. */
static int parse_number(const char *key, const char *text, double *out, char *error, size_t capacity) {
    char *end = NULL;
    errno = 0;
    double value = strtod(text, &end);
    if (end == text || *end != '\0' || errno != 0 || !isfinite(value)) {
        message(error, capacity, "example battery: config key '%s': expected a number, found '%s'", key, text);
        return -1;
    }
    *out = value;
    return 0;
}

static void *battery_open(const dso_host *host, const char *config, char *error, size_t capacity) {
    double capacity_kwh = NAN, max_discharge = NAN, max_charge = NAN, soc_percent = 50;
    char buffer[1024];
    if (config == NULL) config = "";
    if (strlen(config) >= sizeof buffer) {
        message(error, capacity, "example battery: configuration longer than %zu bytes", sizeof buffer - 1);
        return NULL;
    }
    strcpy(buffer, config);
    char *cursor = NULL;
    for (char *pair = strtok_r(buffer, ";, \t\n", &cursor); pair != NULL; pair = strtok_r(NULL, ";, \t\n", &cursor)) {
        char *equals = strchr(pair, '=');
        if (equals == NULL) {
            message(error, capacity, "example battery: expected key=value, found '%s'", pair);
            return NULL;
        }
        *equals = '\0';
        const char *key = pair, *value = equals + 1;
        double *target = NULL;
        if (strcmp(key, "capacity_kwh") == 0) target = &capacity_kwh;
        else if (strcmp(key, "max_discharge_kw") == 0) target = &max_discharge;
        else if (strcmp(key, "max_charge_kw") == 0) target = &max_charge;
        else if (strcmp(key, "soc_percent") == 0) target = &soc_percent;
        else {
            message(error, capacity, "example battery: unknown config key '%s' (known: capacity_kwh, "
                    "max_discharge_kw, max_charge_kw, soc_percent)", key);
            return NULL;
        }
        if (parse_number(key, value, target, error, capacity) != 0) return NULL;
    }
    if (isnan(capacity_kwh) || isnan(max_discharge)) {
        message(error, capacity, "example battery: config key '%s' is required", isnan(capacity_kwh) ? "capacity_kwh" : "max_discharge_kw");
        return NULL;
    }
    if (isnan(max_charge)) max_charge = max_discharge;
    if (!(capacity_kwh > 0) || !(max_discharge > 0) || !(max_charge > 0)) {
        message(error, capacity, "example battery: capacity_kwh, max_discharge_kw and max_charge_kw must be > 0 "
                "(found %g, %g, %g)", capacity_kwh, max_discharge, max_charge);
        return NULL;
    }
    if (!(soc_percent >= 0 && soc_percent <= 100)) {
        message(error, capacity, "example battery: config key 'soc_percent': expected 0…100, found %g", soc_percent);
        return NULL;
    }
    battery *b = calloc(1, sizeof *b);
    if (b == NULL) {
        message(error, capacity, "example battery: out of memory");
        return NULL;
    }
    b->host = host;
    b->capacity_kwh = capacity_kwh;
    b->max_charge_kw = max_charge;
    b->max_discharge_kw = max_discharge;
    b->energy_kwh = capacity_kwh * soc_percent / 100;
    b->valid_until_ns = INT64_MIN;
    b->updated_ns = host_now(b);
    char text[160];
    snprintf(text, sizeof text, "example battery opened: %g kWh, -%g…%g kW, SOC %g %%",
             capacity_kwh, max_charge, max_discharge, soc_percent);
    host_log(b, DSO_LOG_INFO, text);
    return b;
}

static int32_t battery_point_count(void *instance) {
    (void)instance;
    return POINT_COUNT;
}

static int32_t battery_point_info(void *instance, int32_t index, dso_point_info *out) {
    const battery *b = instance;
    if (out == NULL || index < 0 || index >= POINT_COUNT) return DSO_ERROR_INVALID;
    double low = -b->max_charge_kw, high = b->max_discharge_kw;
    switch (index) {
    case P_KW: *out = (dso_point_info){"p_kw", "kW", DSO_POINT_MEASUREMENT, 0, low, high}; break;
    case SOC: *out = (dso_point_info){"soc", "%", DSO_POINT_MEASUREMENT, 0, 0, 100}; break;
    case AVAILABLE_UP_KW: *out = (dso_point_info){"available_up_kw", "kW", DSO_POINT_MEASUREMENT, 0, low, high}; break;
    case AVAILABLE_DOWN_KW: *out = (dso_point_info){"available_down_kw", "kW", DSO_POINT_MEASUREMENT, 0, low, high}; break;
    case FAULT: *out = (dso_point_info){"fault", "", DSO_POINT_STATUS, 0, 0, 65535}; break;
    default: *out = (dso_point_info){"p_set_kw", "kW", DSO_POINT_SETPOINT, 1, low, high}; break;
    }
    return DSO_OK;
}

static int32_t battery_read(void *instance, double *values, int64_t *timestamps, int32_t count, char *error, size_t capacity) {
    battery *b = instance;
    if (values == NULL || timestamps == NULL || count < POINT_COUNT) {
        message(error, capacity, "example battery: read needs %d points, got %d", POINT_COUNT, count);
        return DSO_ERROR_INVALID;
    }
    int64_t now = host_now(b);
    advance(b, now);
    values[P_KW] = b->power_kw;
    values[SOC] = 100 * b->energy_kwh / b->capacity_kwh;
    values[AVAILABLE_UP_KW] = b->energy_kwh > 0 ? b->max_discharge_kw : 0;
    values[AVAILABLE_DOWN_KW] = b->energy_kwh < b->capacity_kwh ? -b->max_charge_kw : 0;
    values[FAULT] = 0;
    values[P_SET_KW] = now < b->valid_until_ns ? b->setpoint_kw : 0;
    for (int32_t index = 0; index < POINT_COUNT; index++) timestamps[index] = now;
    return DSO_OK;
}

static int32_t battery_write(void *instance, int32_t index, double value, int64_t valid_until_ns, char *error, size_t capacity) {
    battery *b = instance;
    if (index != P_SET_KW) {
        message(error, capacity, "example battery: point %d is not writable (only p_set_kw, index %d)", index, P_SET_KW);
        return DSO_ERROR_READ_ONLY;
    }
    if (!isfinite(value) || value > b->max_discharge_kw || value < -b->max_charge_kw) {
        message(error, capacity, "example battery: p_set_kw %g kW is outside -%g…%g kW", value, b->max_charge_kw, b->max_discharge_kw);
        return DSO_ERROR_INVALID;
    }
    advance(b, host_now(b));
    b->setpoint_kw = value;
    b->valid_until_ns = valid_until_ns;
    b->power_kw = power_now(b, b->updated_ns);
    return DSO_OK;
}

static void battery_close(void *instance) {
    battery *b = instance;
    if (b == NULL) return;
    host_log(b, DSO_LOG_INFO, "example battery closed: set point released");
    free(b);
}

static const dso_driver example_driver = {
    .abi_version = DSO_DRIVER_ABI_VERSION,
    .struct_size = sizeof(dso_driver),
    .name = "example-battery",
    .version = "1.0.0",
    .open = battery_open,
    .point_count = battery_point_count,
    .point_info = battery_point_info,
    .read = battery_read,
    .write = battery_write,
    .close = battery_close,
};

__attribute__((visibility("default"))) const dso_driver *dso_driver_entry(void) { return &example_driver; }
