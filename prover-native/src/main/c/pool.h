/*
 * One pool of worker threads per library, sized to the CPUs this process may run on and shared
 * by every caller: concurrent proofs queue their jobs here instead of each starting threads, so
 * the machine is never oversubscribed. Internal header of libslotbeam.
 */
#ifndef SB_POOL_H
#define SB_POOL_H

#include <stddef.h>

/* Work item index of a job: fn(ctx, index) for index in [0, count). */
typedef void (*sb_task_fn)(void *ctx, size_t index);

/* Runs fn(ctx, 0..count-1) on the pool and returns when all have finished. Jobs are served in
 * the order they arrive; the caller waits (it does not compute), so tasks must not call
 * sb_parallel_for themselves. When the pool cannot start, the tasks run on the caller. */
void sb_parallel_for(size_t count, sb_task_fn fn, void *ctx);

/* The number of worker threads (at least 1). */
size_t sb_pool_threads(void);

#endif
