/*
 * The shared worker pool of pool.h: a FIFO of jobs under one mutex. A worker takes the next
 * index of the oldest job; the job leaves the queue once every index is handed out, and its
 * caller is woken when the last task finishes. Threads start on first use and live as long as
 * the process.
 */
#define _GNU_SOURCE
#include "pool.h"

#include <pthread.h>
#include <sched.h>
#include <unistd.h>

typedef struct job {
  sb_task_fn fn;
  void *ctx;
  size_t count;
  size_t next; /* next index to hand out */
  size_t done; /* tasks finished */
  pthread_cond_t finished;
  struct job *queue_next;
} job;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static job *head, *tail;
static size_t threads; /* 0 until started; stays 0 when no thread could start */
static pthread_once_t started = PTHREAD_ONCE_INIT;

static void *worker(void *unused) {
  (void)unused;
  pthread_mutex_lock(&lock);
  for (;;) {
    while (head == NULL) {
      pthread_cond_wait(&work, &lock);
    }
    job *j = head;
    size_t index = j->next++;
    if (j->next == j->count) {
      head = j->queue_next;
      if (head == NULL) {
        tail = NULL;
      }
    }
    pthread_mutex_unlock(&lock);
    j->fn(j->ctx, index);
    pthread_mutex_lock(&lock);
    if (++j->done == j->count) {
      pthread_cond_signal(&j->finished);
    }
  }
  return NULL;
}

static size_t cpu_count(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0) {
    return (size_t)CPU_COUNT(&set);
  }
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  return online > 0 ? (size_t)online : 1;
}

static void start(void) {
  size_t wanted = cpu_count();
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  for (size_t i = 0; i < wanted; i++) {
    pthread_t thread;
    if (pthread_create(&thread, &attr, worker, NULL) != 0) {
      break;
    }
    threads++;
  }
  pthread_attr_destroy(&attr);
}

size_t sb_pool_threads(void) {
  pthread_once(&started, start);
  return threads > 0 ? threads : 1;
}

void sb_parallel_for(size_t count, sb_task_fn fn, void *ctx) {
  pthread_once(&started, start);
  if (count == 0) {
    return;
  }
  if (threads == 0) {
    for (size_t i = 0; i < count; i++) {
      fn(ctx, i);
    }
    return;
  }
  job j = {.fn = fn, .ctx = ctx, .count = count};
  pthread_cond_init(&j.finished, NULL);
  pthread_mutex_lock(&lock);
  if (tail == NULL) {
    head = &j;
  } else {
    tail->queue_next = &j;
  }
  tail = &j;
  pthread_cond_broadcast(&work);
  while (j.done < j.count) {
    pthread_cond_wait(&j.finished, &lock);
  }
  pthread_mutex_unlock(&lock);
  pthread_cond_destroy(&j.finished);
}
