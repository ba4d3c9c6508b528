/*
 * OpenDSO driver plugin ABI, version 1.
 *
 * A driver is a shared library that exports one C function, `dso_driver_entry`, returning a pointer to a
 * static `dso_driver` vtable. Only plain C types cross this boundary: no Swift (or C++) type, no
 * ownership transfer of memory. Strings the driver returns stay valid until `close` of the instance
 * (point names, units) or for the process (driver name and version). Errors are written by the driver
 * into the caller's buffer as NUL-terminated UTF-8 text that names the device, register or value.
 *
 * Threading: the host calls one instance from one thread at a time (its I/O thread). Different instances
 * may be called concurrently from different threads. `log` and `now_ns` may be called from any thread.
 *
 * Compatibility: the host refuses a driver whose `abi_version` differs from DSO_DRIVER_ABI_VERSION or
 * whose `struct_size` is smaller than the host's `sizeof(dso_driver)`. New members are only ever
 * appended, so a larger `struct_size` from a newer driver is accepted.
 */
#ifndef OPENDSO_DSO_DRIVER_H
#define OPENDSO_DSO_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DSO_DRIVER_ABI_VERSION 1u
#define DSO_DRIVER_ENTRY_SYMBOL "dso_driver_entry"

/* What a point is. */
enum {
    DSO_POINT_MEASUREMENT = 0, /* a measured value (power, SOC, voltage...) */
    DSO_POINT_SETPOINT = 1,    /* a value the host writes (power set point, curtailment limit) */
    DSO_POINT_STATUS = 2       /* a state or alarm code (0 = normal) */
};

/* Log levels for the host's log callback. */
enum { DSO_LOG_DEBUG = 0, DSO_LOG_INFO = 1, DSO_LOG_WARNING = 2, DSO_LOG_ERROR = 3 };

/* Return codes of read and write. */
enum {
    DSO_OK = 0,
    DSO_ERROR_IO = -1,        /* the device did not answer or the link failed: retry later */
    DSO_ERROR_INVALID = -2,   /* bad argument (index out of range, value outside limits) */
    DSO_ERROR_READ_ONLY = -3  /* write to a point that is not writable */
};

/* Describes one point of an instance. */
typedef struct dso_point_info {
    const char *name;  /* unique within the instance, e.g. "p_kw", "soc" */
    const char *unit;  /* "kW", "kWh", "%", "V", "A", "degC", or "" */
    int32_t kind;      /* DSO_POINT_* */
    int32_t writable;  /* non-zero when the host may write it */
    double minimum;    /* physical lower limit in `unit` (-INFINITY when none) */
    double maximum;    /* physical upper limit in `unit` (INFINITY when none) */
} dso_point_info;

/* What the host gives each instance: logging and the host's clock (virtual in simulations). */
typedef struct dso_host {
    uint32_t struct_size; /* sizeof(dso_host) of the host */
    void *context;        /* opaque, passed back to the callbacks */
    void (*log)(void *context, int32_t level, const char *message);
    int64_t (*now_ns)(void *context); /* nanoseconds on the kernel's clock */
} dso_host;

/* The vtable a driver exports. All function pointers are required. */
typedef struct dso_driver {
    uint32_t abi_version; /* DSO_DRIVER_ABI_VERSION */
    uint32_t struct_size; /* sizeof(dso_driver) as the driver was compiled */
    const char *name;     /* e.g. "simulated", "modbus", "can-bms" */
    const char *version;  /* the driver's own version, e.g. "1.0.0" */

    /* Opens an instance from a configuration string (format defined by the driver). Returns NULL and
     * writes a message into `error` on failure. `host` stays valid until `close`. */
    void *(*open)(const dso_host *host, const char *config, char *error, size_t error_capacity);

    /* Number of points of the instance, and the description of point `index` (DSO_OK or an error). */
    int32_t (*point_count)(void *instance);
    int32_t (*point_info)(void *instance, int32_t index, dso_point_info *out);

    /* Reads every point: `values[i]` in the point's unit and `timestamps_ns[i]` when it was measured on
     * the host clock (0 when unknown). `count` is point_count(). DSO_OK or an error with a message. */
    int32_t (*read)(void *instance, double *values, int64_t *timestamps_ns, int32_t count,
                    char *error, size_t error_capacity);

    /* Writes a set point, valid until `valid_until_ns` on the host clock: after that the driver must let
     * the device return to its own safe default unless written again. DSO_OK or an error. */
    int32_t (*write)(void *instance, int32_t index, double value, int64_t valid_until_ns,
                     char *error, size_t error_capacity);

    /* Closes the instance: the driver releases the device (set points revert) and frees its memory. */
    void (*close)(void *instance);
} dso_driver;

/* The one symbol a driver exports. */
typedef const dso_driver *(*dso_driver_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* OPENDSO_DSO_DRIVER_H */
