#include "Benchmark.h"

namespace frontdesk::bench {

QList<Benchmark> &Registry::all()
{
    static QList<Benchmark> benchmarks;
    return benchmarks;
}

} // namespace frontdesk::bench
