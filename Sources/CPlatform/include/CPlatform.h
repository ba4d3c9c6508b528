#ifndef OPENDSO_CPLATFORM_H
#define OPENDSO_CPLATFORM_H
#include <stdint.h>
/// Sets this thread's timer slack in nanoseconds (prctl PR_SET_TIMERSLACK); returns 0 or -errno.
int dso_set_timer_slack_ns(unsigned long slack_ns);
/// Raises the calling thread to SCHED_FIFO at `priority`; returns 0 or an errno value.
int dso_set_fifo_priority(int priority);
/// Returns the calling thread to SCHED_OTHER (nice unchanged); returns 0 or an errno value.
int dso_set_normal_policy(void);
/// Whether this thread may switch to SCHED_FIFO at `priority`: tries it, then restores the
/// thread's previous policy; returns 0 if permitted or an errno value.
int dso_probe_fifo_priority(int priority);
/// Monotonic clock in nanoseconds (CLOCK_MONOTONIC), the kernel's time base on the real clock.
uint64_t dso_monotonic_ns(void);
#endif
