// peak OUT PROGRAM ARGS...: runs PROGRAM with fork + exec, waits for it, writes "WALL_MS PEAK_RSS_KB" to OUT and
// exits with its exit code (128 + signal if a signal ended it).
//
// Why carrier-bench does not spawn carrier itself when it measures memory: posix_spawn starts the child with
// CLONE_VM | CLONE_VFORK, and at exec Linux carries the old address space's high-water RSS into the child's
// ru_maxrss. The old address space is carrier-bench's own (its servers, 14 MB and more), so every peak under that
// would read as carrier-bench's size. A fork of this small program carries at most its own few hundred KB.
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: peak OUT PROGRAM [ARGS...]\n");
        return 2;
    }
    double start = now_ms();
    pid_t pid = fork();
    if (pid < 0) { perror("peak: fork"); return 2; }
    if (pid == 0) {
        execv(argv[2], argv + 2);
        perror("peak: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {}
    double wall = now_ms() - start;
    FILE *out = fopen(argv[1], "w");
    if (!out) { perror("peak: output"); return 2; }
    fprintf(out, "%.3f %ld\n", wall, usage.ru_maxrss);
    fclose(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
