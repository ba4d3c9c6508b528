#ifndef OPENDSO_MALLOC_COUNTER_H
#define OPENDSO_MALLOC_COUNTER_H
#include <stdint.h>
/// Allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign) since process start.
uint64_t dso_malloc_count(void);
/// Bytes requested by those allocations.
uint64_t dso_malloc_bytes(void);
#endif
