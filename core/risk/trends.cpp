// SPDX-License-Identifier: GPL-3.0-or-later
#include "trends.h"

#include <algorithm>

namespace patchwise::risk {

Trends trends(const Scoring &scoring, int gradeSamples)
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
    // Grades at evenly spread points.
    if (!t.points.empty() && gradeSamples > 0) {
        std::vector<std::size_t> picks;
        const std::size_t n = t.points.size(),
                          k = std::min<std::size_t>(n, std::size_t(gradeSamples));
        for (std::size_t i = 0; i < k; ++i)
            picks.push_back(k == 1 ? n - 1 : i * (n - 1) / (k - 1));
        picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
        const bool published = scoring.policy().fixAgeFrom == Policy::FixAgeFrom::Published;
        std::vector<std::int64_t> critical(facts.images.size()), high(facts.images.size());
        std::vector<bool> present(facts.images.size());
        for (std::size_t pick : picks) {
            const std::int64_t at = t.points[pick].time;
            std::fill(critical.begin(), critical.end(), 0);
            std::fill(high.begin(), high.end(), 0);
            std::fill(present.begin(), present.end(), false);
            for (std::size_t f = 0; f < facts.size(); ++f) {
                if ((facts.flags[f] & Suppressed) || facts.firstSeen[f] <= 0 ||
                    facts.firstSeen[f] > at ||
                    (facts.resolvedAt[f] > 0 && facts.resolvedAt[f] <= at))
                    continue;
                present[facts.image[f]] = true;
                const model::Severity sev = scoring.severity(f);
                if ((facts.flags[f] & Fixable) == 0 ||
                    (sev != model::Severity::Critical && sev != model::Severity::High))
                    continue;
                const std::int64_t pub = facts.vulns[facts.vuln[f]].published;
                const std::int64_t fixDate = published && pub > 0 ? pub : facts.firstSeen[f];
                std::int64_t &oldest = sev == model::Severity::Critical ? critical[facts.image[f]]
                                                                        : high[facts.image[f]];
                if (fixDate > 0 && (oldest == 0 || fixDate < oldest))
                    oldest = fixDate;
            }
            GradePoint g;
            g.time = at;
            for (std::size_t i = 0; i < facts.images.size(); ++i)
                if (present[i]) {
                    const char grade = healthGrade(critical[i], high[i], at).first;
                    ++g.images[std::size_t(grade - 'A')];
                }
            t.grades.push_back(g);
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
