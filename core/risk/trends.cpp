// SPDX-License-Identifier: GPL-3.0-or-later
#include "trends.h"

#include <algorithm>

namespace patchwise::risk {

Trends trends(const Scoring &scoring)
{
    const Facts &facts = scoring.facts();
    struct Event
    {
        std::int64_t time;
        int column;
        int delta; // +1 first seen, -1 resolved
    };
    std::vector<Event> events;
    events.reserve(facts.size() * 2);
    Trends t;
    std::array<std::vector<double>, 5> days;
    for (std::size_t f = 0; f < facts.size(); ++f) {
        if (facts.flags[f] & Suppressed)
            continue;
        const int column = model::reportColumn(scoring.severity(f));
        const std::int64_t seen = facts.firstSeen[f], resolved = facts.resolvedAt[f];
        if (seen > 0)
            events.push_back({seen, column, +1});
        if (resolved > 0) {
            events.push_back({resolved, column, -1});
            if (seen > 0 && resolved >= seen)
                days[std::size_t(column)].push_back(double(resolved - seen) / 86400.0);
        }
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return a.time < b.time;
    });
    TrendPoint current;
    for (std::size_t i = 0; i < events.size(); ++i) {
        current.open[std::size_t(events[i].column)] += events[i].delta;
        if (events[i].delta < 0)
            ++current.resolvedSoFar;
        if (i + 1 == events.size() || events[i + 1].time != events[i].time) {
            current.time = events[i].time;
            t.points.push_back(current);
        }
    }
    for (std::size_t c = 0; c < 5; ++c) {
        std::vector<double> &d = days[c];
        t.resolved[c] = int(d.size());
        if (d.empty())
            continue;
        double sum = 0;
        for (double v : d)
            sum += v;
        t.meanDaysToFix[c] = sum / double(d.size());
        std::sort(d.begin(), d.end());
        t.medianDaysToFix[c] =
            d.size() % 2 ? d[d.size() / 2] : (d[d.size() / 2 - 1] + d[d.size() / 2]) / 2.0;
    }
    return t;
}

} // namespace patchwise::risk
