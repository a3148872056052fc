// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine.h"

#include <array>
#include <cstdint>
#include <vector>

// Progress across snapshots (`patchwise-cli trends`): open findings by effective severity at
// every moment something was first seen or resolved (the burn-down), and the time it took
// to fix what was fixed.
namespace patchwise::risk {

struct TrendPoint
{
    std::int64_t time = 0;
    std::array<int, 5> open{}; // by report column: critical, high, medium, low, unknown
    int resolvedSoFar = 0;
};

struct GradePoint
{
    std::int64_t time = 0;
    std::array<int, 6> images{}; // graded A … F at that time (images with findings by then)
};

struct Trends
{
    std::vector<TrendPoint> points; // ascending time
    // Days from first seen to resolved, over resolved findings, by report column.
    std::array<int, 5> resolved{};
    std::array<double, 5> meanDaysToFix{};   // 0 when none resolved
    std::array<double, 5> medianDaysToFix{}; // 0 when none resolved
    // Health grades over time, at up to `gradeSamples` of the points (evenly spread, the last
    // included): each image graded from the findings open at that moment. Whether a fix
    // existed then is not recorded, so a finding counts as fixable if it is now.
    std::vector<GradePoint> grades;
};

// Suppressed findings are left out; severities are the scoring's effective ones (today's
// policy), so the curves move when the policy does.
Trends trends(const Scoring &scoring, int gradeSamples = 24);

} // namespace patchwise::risk
