// SPDX-License-Identifier: GPL-3.0-or-later
// CVSS engine throughput on one core: parsing, full scoring, and the what-if path
// (edit environmental metrics of parsed vectors, rescore). Reports numbers and ratios;
// it never fails on timing.
//
//   bench_cvss [--findings N] [--rounds R]

#include "cvss/cvssscore.h"
#include "cvss/cvssvector.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace patchwise::cvss;
using Clock = std::chrono::steady_clock;

namespace {

Vector randomVector(Version version, std::mt19937_64 &rng, bool withOptional)
{
    Vector v(version);
    const auto defs = metricDefs(version);
    for (const MetricDef &d : defs) {
        if (!d.mandatory && (!withOptional || rng() % 2))
            continue;
        v.set(d.metric, d.values[rng() % d.values.size()]);
    }
    return v;
}

double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

void report(const char *what, double count, double secs, double target = 0)
{
    const double rate = count / secs;
    std::printf("%-52s %10.2f M/s  (%.0f in %.3f s)", what, rate / 1e6, count, secs);
    if (target > 0)
        std::printf("  target %.0f M/s: %.1fx", target / 1e6, rate / target);
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    long findings = 1000000;
    int rounds = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--findings"))
            findings = std::atol(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--rounds"))
            rounds = std::atoi(argv[i + 1]);
    }
    std::mt19937_64 rng(42);
    std::uint64_t checksum = 0;

    // Parsing: vector strings as they arrive from scanner reports.
    std::vector<std::string> texts;
    texts.reserve(findings);
    for (long i = 0; i < findings; ++i)
        texts.push_back(randomVector(Version::V3_1, rng, i % 4 == 0).toString());
    std::vector<Vector> vectors;
    vectors.reserve(findings);
    auto t0 = Clock::now();
    for (const std::string &t : texts)
        vectors.push_back(*Vector::parse(t));
    auto t1 = Clock::now();
    report("v3.1 parse + validate", double(findings), seconds(t0, t1));

    t0 = Clock::now();
    for (const Vector &v : vectors)
        checksum += std::uint64_t(score(v).overall);
    t1 = Clock::now();
    report("v3.1 full score (base, temporal, environmental)", double(findings), seconds(t0, t1));

    // What-if: every keystroke sets new requirements / a modified metric on every finding
    // and rescores all of them. Edits go through the typed API, never through strings.
    static constexpr Value reqs[] = {Value::L, Value::M, Value::H, Value::X};
    static constexpr Value mavs[] = {Value::X, Value::N, Value::A, Value::L, Value::P};
    t0 = Clock::now();
    for (int r = 0; r < rounds; ++r) {
        const Value cr = reqs[r % 4], ir = reqs[(r + 1) % 4], ar = reqs[(r + 2) % 4];
        const Value mav = mavs[r % 5];
        for (const Vector &original : vectors) {
            Vector v = original;
            v.set(Metric::CR, cr);
            v.set(Metric::IR, ir);
            v.set(Metric::AR, ar);
            v.set(Metric::MAV, mav);
            checksum += std::uint64_t(environmentalScore(v));
        }
    }
    t1 = Clock::now();
    report("v3.1 what-if: 4 edits + environmental rescore",
           double(findings) * rounds,
           seconds(t0, t1),
           10e6);

    // Rescore only (edits applied beforehand), the lower bound of a keystroke.
    t0 = Clock::now();
    for (int r = 0; r < rounds; ++r)
        for (const Vector &v : vectors)
            checksum += std::uint64_t(environmentalScore(v));
    t1 = Clock::now();
    report("v3.1 environmental rescore only", double(findings) * rounds, seconds(t0, t1), 10e6);

    for (Version version : {Version::V2_0, Version::V4_0}) {
        std::vector<Vector> other;
        const long n = findings / 4;
        other.reserve(n);
        for (long i = 0; i < n; ++i)
            other.push_back(randomVector(version, rng, true));
        t0 = Clock::now();
        for (int r = 0; r < rounds; ++r)
            for (const Vector &v : other)
                checksum += std::uint64_t(environmentalScore(v));
        t1 = Clock::now();
        report(version == Version::V2_0 ? "v2.0 environmental rescore"
                                        : "v4.0 score (whole vector)",
               double(n) * rounds,
               seconds(t0, t1));
    }
    std::printf("checksum %llu\n", static_cast<unsigned long long>(checksum));
    return 0;
}
