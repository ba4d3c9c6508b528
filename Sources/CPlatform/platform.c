#define _GNU_SOURCE
#include "CPlatform.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#include <time.h>

int dso_set_timer_slack_ns(unsigned long slack_ns) {
    return prctl(PR_SET_TIMERSLACK, slack_ns, 0, 0, 0) == 0 ? 0 : -errno;
}

int dso_set_fifo_priority(int priority) {
    struct sched_param param = { .sched_priority = priority };
    return pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
}

int dso_set_normal_policy(void) {
    struct sched_param param = { .sched_priority = 0 };
    return pthread_setschedparam(pthread_self(), SCHED_OTHER, &param);
}

int dso_probe_fifo_priority(int priority) {
    int previous_policy;
    struct sched_param previous;
    int error = pthread_getschedparam(pthread_self(), &previous_policy, &previous);
    if (error != 0) return error;
    struct sched_param param = { .sched_priority = priority };
    error = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
    if (error != 0) return error;
    return pthread_setschedparam(pthread_self(), previous_policy, &previous);
}

uint64_t dso_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}
