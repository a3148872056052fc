// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine.h"

#include "cvss/cvssscore.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace patchwise::risk {

namespace {

constexpr std::uint16_t kScannerSource = 0xFFFE;
constexpr std::uint16_t kCvssSource = 0xFFFF;
constexpr std::int64_t kDay = 86400;

using cvss::Metric;
using cvss::Value;

unsigned threadCount(unsigned requested, std::size_t work)
{
    unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    if (work < 50000)
        n = 1;
    return n;
}

// Runs fn(begin, end) over [0, count) split into `threads` chunks.
template<typename Fn> void parallelFor(std::size_t count, unsigned threads, Fn fn)
{
    threads = threadCount(threads, count);
    if (threads <= 1) {
        fn(std::size_t(0), count);
        return;
    }
    std::vector<std::thread> pool;
    const std::size_t chunk = (count + threads - 1) / threads;
    for (unsigned t = 1; t < threads; ++t) {
        const std::size_t begin = std::min(count, chunk * t);
        const std::size_t end = std::min(count, begin + chunk);
        pool.emplace_back([=] { fn(begin, end); });
    }
    fn(0, std::min(count, chunk));
    for (std::thread &t : pool)
        t.join();
}

model::Severity fromCvss(cvss::Severity s)
{
    switch (s) {
    case cvss::Severity::None:
        return model::Severity::Unknown;
    case cvss::Severity::Low:
        return model::Severity::Low;
    case cvss::Severity::Medium:
        return model::Severity::Medium;
    case cvss::Severity::High:
        return model::Severity::High;
    case cvss::Severity::Critical:
        return model::Severity::Critical;
    }
    return model::Severity::Unknown;
}

// In integer thousandths of a point, so the contributions add up to the score exactly
// in every printed form.
// Half-way cases round up as they would on paper: 2.7825 is 2782.4999… in binary, and the
// nudge (far below any real difference between inputs) makes it 2783.
inline std::int32_t milli(double points)
{
    return std::int32_t(std::lround(points * 1000.0 + 1e-7));
}

// Sorts 64-bit keys ascending (LSD radix, 16-bit digits).
void radixSort(std::vector<std::uint64_t> &keys, std::vector<std::uint64_t> &buffer)
{
    buffer.resize(keys.size());
    std::vector<std::uint32_t> count(65536);
    for (int shift = 0; shift < 64; shift += 16) {
        std::fill(count.begin(), count.end(), 0);
        bool trivial = true;
        const std::uint64_t first = keys.empty() ? 0 : (keys[0] >> shift) & 0xFFFF;
        for (std::uint64_t k : keys) {
            const std::uint64_t digit = (k >> shift) & 0xFFFF;
            ++count[digit];
            trivial = trivial && digit == first;
        }
        if (trivial)
            continue;
        std::uint32_t sum = 0;
        for (std::uint32_t &c : count) {
            const std::uint32_t n = c;
            c = sum;
            sum += n;
        }
        for (std::uint64_t k : keys)
            buffer[count[(k >> shift) & 0xFFFF]++] = k;
        keys.swap(buffer);
    }
}

// A vector with an environmental profile's metrics ("MAV:A") applied. A value marked "*"
// comes from the derived unexposed-adjacent rule, which applies to AV:N vectors only.
cvss::Vector withProfile(cvss::Vector v, const std::vector<std::string> &profile)
{
    for (const std::string &m : profile) {
        const std::size_t colon = m.find(':');
        const std::string_view metric = std::string_view(m).substr(0, colon);
        std::string_view value = std::string_view(m).substr(colon + 1);
        if (value.ends_with('*')) {
            if (v.value(Metric::AV) != Value::N)
                continue;
            value.remove_suffix(1);
        }
        applyMetric(v, metric, value);
    }
    return v;
}

// The score a vector stands for in the severity factor: its most specific score (v4.0 the
// score of the whole vector; v2/v3 the environmental score once an environmental metric
// is set, else the temporal score once a temporal metric is set, else the base score).
// Without overrides that is the base score everyone publishes; v3.1's environmental
// formula would turn some scope-changed 7.0s into 6.9s and move them across a band.
std::int16_t scoredTenths(const cvss::Vector &v)
{
    return cvss::score(v).overall;
}

} // namespace

std::string_view decisionName(Decision decision)
{
    static constexpr std::string_view names[] = {"Track", "Track*", "Attend", "Act"};
    return names[int(decision)];
}

Scoring::ContextChoice Scoring::choose(const RatingContext &context) const
{
    const Facts &facts = *m_facts;
    const VulnFacts &vuln = facts.vulns[context.vuln];
    ContextChoice choice;

    // Severity.
    const auto rated = [&](std::uint16_t source) -> model::Severity {
        if (source == 0)
            return model::Severity::Unknown;
        for (const RatingFact &r : vuln.ratings)
            if (r.source == source)
                return r.severity;
        return model::Severity::Unknown;
    };
    const auto sourceNamed = [&](std::string_view name) -> std::uint16_t {
        for (std::size_t i = 1; i < facts.sources.size(); ++i)
            if (facts.sources[i] == name)
                return std::uint16_t(i);
        return 0;
    };
    const auto take = [&](model::Severity severity, std::uint16_t source) {
        if (choice.severitySource == 0 && severity != model::Severity::Unknown) {
            choice.severity = severity;
            choice.severitySource = source;
        }
    };
    const std::uint16_t nvd = sourceNamed("nvd");
    // The scanner's pick is reported under the scanner's name ("trivy", "grype").
    const std::uint16_t scannerSource = context.scanner ? context.scanner : kScannerSource;
    switch (m_policy.severityMode) {
    case SeverityMode::VendorFirst:
        take(rated(context.vendorSource), context.vendorSource);
        take(context.scannerPick, scannerSource);
        take(rated(nvd), nvd);
        break;
    case SeverityMode::NvdFirst:
        take(rated(nvd), nvd);
        take(rated(context.vendorSource), context.vendorSource);
        take(context.scannerPick, scannerSource);
        break;
    case SeverityMode::Highest: {
        model::Severity best = context.scannerPick;
        std::uint16_t source = best == model::Severity::Unknown ? 0 : scannerSource;
        for (const RatingFact &r : vuln.ratings)
            if (r.severity > best) {
                best = r.severity;
                source = r.source;
            }
        take(best, source);
        break;
    }
    case SeverityMode::List:
        for (const std::string &name : m_policy.severitySources) {
            if (name == "vendor") {
                take(rated(context.vendorSource), context.vendorSource);
            } else if (name == "scanner") {
                take(context.scannerPick, scannerSource);
            } else if (name == "*") {
                for (const RatingFact &r : vuln.ratings)
                    take(r.severity, r.source);
            } else {
                const std::uint16_t s = sourceNamed(name);
                take(rated(s), s);
            }
        }
        break;
    }

    // CVSS record: the first source in the policy's order that has a record of an accepted
    // version; among its records, the first version in the policy's order.
    for (const std::string &name : m_policy.cvssSources) {
        const std::uint16_t wanted = name == "vendor" ? context.vendorSource
                                     : name == "*"    ? 0
                                                      : sourceNamed(name);
        if (name != "*" && wanted == 0)
            continue;
        for (cvss::Version version : m_policy.cvssVersions) {
            for (std::size_t i = 0; i < vuln.cvss.size(); ++i)
                if ((name == "*" || vuln.cvss[i].source == wanted) &&
                    vuln.cvss[i].vector.version() == version) {
                    choice.cvss = std::int32_t(i);
                    break;
                }
            if (choice.cvss >= 0)
                break;
        }
        if (choice.cvss >= 0)
            break;
    }

    if (choice.cvss >= 0) {
        const cvss::Vector &v = vuln.cvss[std::size_t(choice.cvss)].vector;
        const Value av = v.value(Metric::AV);
        choice.attackVector = av == Value::N ? 0 : av == Value::A ? 1 : av == Value::L ? 2 : 3;
        switch (v.version()) {
        case cvss::Version::V2_0:
            choice.automatable = av == Value::N && v.value(Metric::AC) == Value::L &&
                                 v.value(Metric::Au) == Value::N;
            choice.totalImpact = v.value(Metric::C) == Value::C && v.value(Metric::I) == Value::C;
            choice.hostReach = choice.totalImpact;
            break;
        case cvss::Version::V3_0:
        case cvss::Version::V3_1:
            choice.automatable = av == Value::N && v.value(Metric::AC) == Value::L &&
                                 v.value(Metric::PR) == Value::N && v.value(Metric::UI) == Value::N;
            choice.totalImpact = v.value(Metric::C) == Value::H && v.value(Metric::I) == Value::H;
            choice.hostReach = choice.totalImpact || v.value(Metric::S) == Value::C;
            break;
        case cvss::Version::V4_0:
            choice.automatable = av == Value::N && v.value(Metric::AC) == Value::L &&
                                 v.value(Metric::AT) == Value::N &&
                                 v.value(Metric::PR) == Value::N && v.value(Metric::UI) == Value::N;
            choice.totalImpact = v.value(Metric::VC) == Value::H && v.value(Metric::VI) == Value::H;
            choice.hostReach = choice.totalImpact || v.value(Metric::SC) != Value::N ||
                               v.value(Metric::SI) != Value::N;
            break;
        }
        if (choice.severitySource == 0) {
            const CvssFact &c = vuln.cvss[std::size_t(choice.cvss)];
            // The FIRST v3/v4 bands for every version, as in the severity factor.
            take(fromCvss(cvss::severityOf(cvss::Version::V3_1, c.baseTenths)), kCvssSource);
        }
    }
    return choice;
}

Scoring Scoring::compute(const Facts &facts, const Policy &policy, unsigned threads)
{
    Scoring s;
    s.m_facts = &facts;
    s.rescore(policy, threads);
    s.rerank(threads);
    return s;
}

void Scoring::rescore(const Policy &policy, unsigned threads)
{
    Scoring &s = *this;
    const Facts &facts = *m_facts;
    s.m_policy = policy;
    s.m_profiles.clear();
    s.m_profileSets.clear();
    const std::size_t n = facts.size();

    s.m_contexts.resize(facts.contexts.size());
    for (std::size_t c = 0; c < facts.contexts.size(); ++c)
        s.m_contexts[c] = s.choose(facts.contexts[c]);

    // Environmental profiles: the override metrics each image's findings are scored with.
    // An image running in several namespaces with different overrides gets one profile
    // per namespace and is scored with the worst of them.
    std::map<std::vector<std::string>, std::uint16_t> profileIds;
    std::map<std::vector<std::uint16_t>, std::uint16_t> setIds;
    s.m_imageProfileSet.resize(facts.images.size());
    for (std::size_t i = 0; i < facts.images.size(); ++i) {
        const ImageFacts &image = facts.images[i];
        std::vector<std::string> namespaces{std::string()};
        for (const std::string &ns : image.namespaces)
            for (const EnvironmentalOverride &e : policy.environmental)
                if (e.scope == EnvironmentalOverride::Scope::Namespace && e.value == ns) {
                    namespaces.push_back(ns);
                    break;
                }
        // The plain profile counts only when some container runs outside the overridden
        // namespaces (or the image does not run in any).
        const bool allOverridden = namespaces.size() > 1 &&
                                   namespaces.size() - 1 == image.namespaces.size() &&
                                   !image.runsOutsideNamespaces;
        std::vector<std::uint16_t> set;
        for (std::size_t k = allOverridden ? 1 : 0; k < namespaces.size(); ++k) {
            std::vector<std::string> metrics; // "MAV:A", later entries win
            if (policy.ruleUnexposedAdjacent && !image.internetExposed)
                metrics.emplace_back("MAV:A*"); // "*": the derived rule, only for AV:N
            for (const EnvironmentalOverride &e : policy.environmental) {
                const bool applies =
                    e.scope == EnvironmentalOverride::Scope::Fleet ||
                    (e.scope == EnvironmentalOverride::Scope::Namespace && k > 0 &&
                     e.value == namespaces[k]) ||
                    (e.scope == EnvironmentalOverride::Scope::Repository &&
                     std::find(image.repositories.begin(), image.repositories.end(), e.value) !=
                         image.repositories.end());
                if (!applies)
                    continue;
                for (const auto &[metric, value] : e.metrics) {
                    std::erase_if(metrics, [&](const std::string &m) {
                        return m.size() > metric.size() && m.starts_with(metric) &&
                               m[metric.size()] == ':';
                    });
                    metrics.push_back(metric + ":" + value);
                }
            }
            auto [it, inserted] =
                profileIds.try_emplace(metrics, std::uint16_t(s.m_profiles.size()));
            if (inserted)
                s.m_profiles.push_back(metrics);
            set.push_back(it->second);
        }
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        auto [it, inserted] = setIds.try_emplace(set, std::uint16_t(s.m_profileSets.size()));
        if (inserted)
            s.m_profileSets.push_back(set);
        s.m_imageProfileSet[i] = it->second;
    }

    // Environmental scores per (context, profile set), computed once each.
    const std::size_t sets = std::max<std::size_t>(1, s.m_profileSets.size());
    std::vector<std::int16_t> envTable;
    envTable.swap(s.m_envTable);
    envTable.assign(facts.contexts.size() * sets, -2);
    const auto envScore = [&](std::uint32_t ctx, std::uint16_t set) -> std::int16_t {
        const ContextChoice &choice = s.m_contexts[ctx];
        if (choice.cvss < 0)
            return -1;
        const CvssFact &c = facts.vulns[facts.contexts[ctx].vuln].cvss[std::size_t(choice.cvss)];
        std::int16_t best = -1;
        for (std::uint16_t p : s.m_profileSets[set]) {
            best = std::max(best, scoredTenths(withProfile(c.vector, s.m_profiles[p])));
        }
        return best;
    };
    // Severity points per (context, profile set): the rating's value blended with the
    // environmental CVSS score.
    const Policy &p = s.m_policy;
    const auto severityPoints = [&](std::uint32_t ctx, std::int16_t env) {
        const ContextChoice &choice = s.m_contexts[ctx];
        const double rating = p.ratingValues[std::size_t(choice.severity)];
        // The CVSS part counts the score and its band's value equally, so that crossing a
        // band boundary (6.9 → 7.0) weighs like the tier change it is.
        // Bands on the FIRST v3/v4 scale for every version (v2 has no Critical), so the
        // points never decrease as the score rises.
        double cvssPoints = rating;
        if (env >= 0 && choice.cvss >= 0) {
            const double band = env == 0 ? 0.0
                                         : p.ratingValues[std::size_t(fromCvss(
                                               cvss::severityOf(cvss::Version::V3_1, env)))];
            cvssPoints = (env / 10.0 + band) / 2.0;
        }
        return milli(p.weights[int(Factor::Severity)] *
                     ((1.0 - p.cvssShare) * rating + p.cvssShare * cvssPoints) / 10.0);
    };
    s.m_sets = sets;
    s.m_envTable.swap(envTable);
    s.m_severityTable.assign(s.m_envTable.size(), 0);
    const auto fill = [&](std::size_t slot) {
        const std::uint32_t ctx = std::uint32_t(slot / sets);
        s.m_envTable[slot] = envScore(ctx, std::uint16_t(slot % sets));
        s.m_severityTable[slot] = severityPoints(ctx, s.m_envTable[slot]);
    };
    if (sets == 1) {
        parallelFor(s.m_envTable.size(), threads, [&](std::size_t begin, std::size_t end) {
            for (std::size_t slot = begin; slot < end; ++slot)
                fill(slot);
        });
    } else {
        // Only the pairs that occur: an image runs in few namespaces.
        for (std::size_t f = 0; f < n; ++f) {
            const std::size_t slot =
                std::size_t(facts.context[f]) * sets + s.m_imageProfileSet[facts.image[f]];
            if (s.m_envTable[slot] == -2)
                fill(slot);
        }
    }

    // Per-context and per-image points, so that the per-finding work is a few look-ups.
    s.m_contextPoints.resize(facts.contexts.size());
    for (std::size_t c = 0; c < facts.contexts.size(); ++c) {
        const VulnFacts &vuln = facts.vulns[facts.contexts[c].vuln];
        const ContextChoice &choice = s.m_contexts[c];
        ContextPoints &cp = s.m_contextPoints[c];
        cp.knownExploited = milli(p.weights[int(Factor::KnownExploited)] *
                                  (vuln.kev ? (vuln.ransomware ? 1.0 : 0.8) : 0.0));
        cp.epss = milli(p.weights[int(Factor::Epss)] *
                        (vuln.epss > 0 ? std::min(1.0, double(vuln.epss)) : 0.0));
        cp.attackVector = choice.attackVector;
        cp.hostReach = choice.hostReach || choice.cvss < 0;
    }
    static constexpr double exposureByVector[5] = {1.0, 0.6, 0.4, 0.2, 0.8};
    static constexpr double reachByVector[5] = {1.0, 0.7, 0.5, 0.1, 0.7};
    s.m_imagePoints.resize(facts.images.size());
    for (std::size_t i = 0; i < facts.images.size(); ++i) {
        const ImageFacts &image = facts.images[i];
        ImagePoints &ip = s.m_imagePoints[i];
        const bool running = image.runningContainers > 0;
        ip.running = running;
        ip.runningSince = image.runningSince;
        for (int av = 0; av < 5; ++av) {
            ip.internetExposure[av] =
                milli(p.weights[int(Factor::InternetExposure)] *
                      (running && image.internetExposed ? exposureByVector[av] : 0.0));
            // A local exploit needs a way to run commands: less reachable without a shell.
            const double reach = av == 2 && image.shell == Tri::No ? 0.2 : reachByVector[av];
            ip.reachability[av] = milli(p.weights[int(Factor::Reachability)] * reach);
        }
        ip.runningPoints = milli(p.weights[int(Factor::Running)] * (running ? 1.0 : 0.0));
        ip.prevalence = milli(p.weights[int(Factor::Prevalence)] * image.runningContainers /
                              (image.runningContainers + p.prevalenceHalf));
        double privilege = 0;
        if (running)
            privilege = image.privileged || image.hostNamespace ? 1.0
                        : image.runsAsRoot == Tri::Yes          ? 0.5
                        : image.runsAsRoot == Tri::Unknown      ? 0.25
                                                                : 0.0;
        ip.privilege[0] = milli(p.weights[int(Factor::Privilege)] * privilege * 0.75);
        ip.privilege[1] = milli(p.weights[int(Factor::Privilege)] * privilege);
    }

    s.m_envTenths.resize(n);
    s.m_risk.resize(n);
    parallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
        std::array<std::int32_t, FactorCount> points;
        for (std::size_t f = begin; f < end; ++f) {
            s.m_envTenths[f] = s.m_envTable[std::size_t(facts.context[f]) * s.m_sets +
                                            s.m_imageProfileSet[facts.image[f]]];
            s.pointsOf(f, points);
            std::int32_t total = 0;
            for (std::int32_t k : points)
                total += k;
            s.m_risk[f] = float(total) / 1000.0f;
        }
    });
}

// The contributions of finding f in thousandths of a point; they add up to its score.
void Scoring::pointsOf(std::size_t f, std::array<std::int32_t, FactorCount> &out) const
{
    const Facts &facts = *m_facts;
    const std::uint32_t ctx = facts.context[f];
    const std::uint32_t image = facts.image[f];
    const ContextPoints &cp = m_contextPoints[ctx];
    const ImagePoints &ip = m_imagePoints[image];
    out[int(Factor::Severity)] =
        m_severityTable[std::size_t(ctx) * m_sets + m_imageProfileSet[image]];
    out[int(Factor::KnownExploited)] = cp.knownExploited;
    out[int(Factor::Epss)] = cp.epss;
    out[int(Factor::InternetExposure)] = ip.internetExposure[cp.attackVector];
    out[int(Factor::Running)] = ip.runningPoints;
    out[int(Factor::Prevalence)] = ip.prevalence;
    const double days = daysExposed(ip.running, ip.runningSince, f);
    out[int(Factor::ExposureTime)] = days > 0 ? milli(m_policy.weights[int(Factor::ExposureTime)] *
                                                      days / (days + m_policy.exposureHalfDays))
                                              : 0;
    out[int(Factor::Privilege)] = ip.privilege[cp.hostReach ? 1 : 0];
    out[int(Factor::Reachability)] = ip.reachability[cp.attackVector];
}

Breakdown Scoring::breakdown(std::size_t f) const
{
    std::array<std::int32_t, FactorCount> points;
    pointsOf(f, points);
    Breakdown b{};
    for (int k = 0; k < FactorCount; ++k)
        b[std::size_t(k)] = float(points[std::size_t(k)]) / 1000.0f;
    return b;
}

void Scoring::rerank(unsigned threads)
{
    (void)threads;
    const Facts &facts = *m_facts;
    const std::size_t n = m_risk.size();
    // One 64-bit key per finding, larger = fix first: open (1 bit), risk in thousandths
    // (14 bits), severity (3), EPSS in millionths (20), then the complement of the index
    // (26 bits) so that ties keep workspace order.
    std::vector<std::uint64_t> &keys = m_keys;
    keys.resize(n);
    for (std::size_t f = 0; f < n; ++f) {
        const bool open = (facts.flags[f] & (Resolved | Suppressed)) == 0;
        const std::uint64_t risk = std::uint64_t(std::lround(m_risk[f] * 1000.0f)) & 0x3FFF;
        const std::uint64_t sev = std::uint64_t(m_contexts[facts.context[f]].severity) & 0x7;
        const float e = facts.vulns[facts.vuln[f]].epss;
        const std::uint64_t epss = e > 0 ? std::uint64_t(std::lround(std::min(1.0f, e) * 1e6f)) : 0;
        const std::uint64_t key = (std::uint64_t(open) << 37) | (risk << 23) | (sev << 20) |
                                  std::min<std::uint64_t>(epss, 0xFFFFF);
        keys[f] = ~((key << 26) | (0x3FFFFFF - (f & 0x3FFFFFF)));
    }
    m_ranking.resize(n);
    m_rank.resize(n);
    if (n > 0x3FFFFFF) {
        // Beyond 2^26 findings the index no longer fits next to the key: sort indices.
        for (std::size_t f = 0; f < n; ++f)
            keys[f] = ~keys[f] >> 26; // the key alone, larger = fix first
        std::iota(m_ranking.begin(), m_ranking.end(), 0u);
        std::stable_sort(m_ranking.begin(), m_ranking.end(), [&](std::uint32_t a, std::uint32_t b) {
            return keys[a] > keys[b];
        });
        for (std::size_t r = 0; r < n; ++r)
            m_rank[m_ranking[r]] = std::uint32_t(r);
        return;
    }
    radixSort(keys, m_keyBuffer);
    for (std::size_t r = 0; r < n; ++r) {
        const std::uint32_t f = std::uint32_t(0x3FFFFFF - ((~keys[r]) & 0x3FFFFFF));
        m_ranking[r] = f;
        m_rank[f] = std::uint32_t(r);
    }
}

model::Severity Scoring::severity(std::size_t f) const
{
    return m_contexts[m_facts->context[f]].severity;
}

std::string_view Scoring::severitySource(std::size_t f) const
{
    const std::uint16_t s = m_contexts[m_facts->context[f]].severitySource;
    if (s == kCvssSource)
        return "cvss";
    if (s == kScannerSource)
        return "scanner";
    return m_facts->sources[s];
}

CvssChoice Scoring::cvss(std::size_t f) const
{
    CvssChoice out;
    const ContextChoice &c = m_contexts[m_facts->context[f]];
    if (c.cvss < 0)
        return out;
    const CvssFact &fact = m_facts->vulns[m_facts->vuln[f]].cvss[std::size_t(c.cvss)];
    out.record = c.cvss;
    out.source = fact.source;
    out.version = fact.vector.version();
    out.baseTenths = fact.baseTenths;
    out.scoredTenths = m_envTenths[f];
    // The vector as scored: the worst profile's overrides applied.
    cvss::Vector best = fact.vector;
    std::int16_t bestScore = -3;
    for (std::uint16_t p : m_profileSets[m_imageProfileSet[m_facts->image[f]]]) {
        const cvss::Vector v = withProfile(fact.vector, m_profiles[p]);
        const std::int16_t t = scoredTenths(v);
        if (t > bestScore) {
            bestScore = t;
            best = v;
        }
    }
    out.vector = best.toString();
    out.environmentalTenths = cvss::environmentalScore(best);
    if (out.environmentalTenths < 0)
        out.environmentalTenths = out.baseTenths;
    return out;
}

Exploitation Scoring::exploitation(std::size_t f) const
{
    const VulnFacts &v = m_facts->vulns[m_facts->vuln[f]];
    if (v.kev)
        return Exploitation::Active;
    if (v.epss >= 0 && v.epss >= float(m_policy.epssProofOfConcept)) // EPSS is stored as float
        return Exploitation::ProofOfConcept;
    return Exploitation::None;
}

bool Scoring::automatable(std::size_t f) const
{
    return m_contexts[m_facts->context[f]].automatable;
}

bool Scoring::totalTechnicalImpact(std::size_t f) const
{
    return m_contexts[m_facts->context[f]].totalImpact;
}

Decision Scoring::decision(std::size_t f) const
{
    // CISA SSVC deployer tree: [exploitation][automatable][technical impact][mission
    // impact], mission impact from the runtime context (not running, running, internet
    // exposed).
    using enum Decision;
    static constexpr Decision tree[3][2][2][3] = {
        // none
        {{{Track, Track, Track}, {Track, Track, TrackStar}},
         {{Track, Track, Attend}, {Track, Track, Attend}}},
        // proof of concept
        {{{Track, Track, TrackStar}, {Track, TrackStar, Attend}},
         {{Track, Track, Attend}, {Track, TrackStar, Attend}}},
        // active
        {{{Track, Track, Attend}, {Track, Attend, Act}},
         {{Attend, Attend, Act}, {Attend, Act, Act}}},
    };
    const ImageFacts &image = m_facts->images[m_facts->image[f]];
    const int mission = image.runningContainers == 0 ? 0 : image.internetExposed ? 2 : 1;
    return tree[int(exploitation(f))][automatable(f) ? 1 : 0][totalTechnicalImpact(f) ? 1 : 0]
               [mission];
}

double Scoring::exposureDays(std::size_t f) const
{
    const ImageFacts &image = m_facts->images[m_facts->image[f]];
    return daysExposed(image.runningContainers > 0, image.runningSince, f);
}

double Scoring::daysExposed(bool running, std::int64_t runningSince, std::size_t f) const
{
    const Facts &facts = *m_facts;
    if (!running || (facts.flags[f] & (Resolved | Suppressed)) != 0)
        return 0;
    const std::int64_t start = std::max(facts.firstSeen[f], runningSince);
    if (start <= 0 || facts.now <= start)
        return 0;
    return double(facts.now - start) / double(kDay);
}

std::int64_t Scoring::slaDue(std::size_t f) const
{
    const Facts &facts = *m_facts;
    if (facts.firstSeen[f] <= 0)
        return 0;
    std::int64_t due =
        facts.firstSeen[f] + std::int64_t(m_policy.slaDays[std::size_t(severity(f))]) * kDay;
    const VulnFacts &v = facts.vulns[facts.vuln[f]];
    if (m_policy.slaKevDueDate && v.kevDueDate > 0)
        due = std::min(due, std::max(v.kevDueDate, facts.firstSeen[f]));
    return due;
}

bool Scoring::slaBreached(std::size_t f) const
{
    const std::int64_t due = slaDue(f);
    return isOpen(f) && due > 0 && m_facts->now > due;
}

bool Scoring::isOpen(std::size_t f) const
{
    return (m_facts->flags[f] & (Resolved | Suppressed)) == 0;
}

std::pair<char, std::int64_t>
healthGrade(std::int64_t critical, std::int64_t high, std::int64_t now)
{
    // Limits in days for grades B, C, D, E: (Critical, High).
    static constexpr int limits[4][2] = {{7, 30}, {30, 90}, {90, 365}, {365, 365}};
    if (critical == 0 && high == 0)
        return {'A', 0};
    for (int g = 0; g < 4; ++g) {
        const std::int64_t critLimit = std::int64_t(limits[g][0]) * kDay;
        const std::int64_t highLimit = std::int64_t(limits[g][1]) * kDay;
        const bool fits = (critical == 0 || now - critical <= critLimit) &&
                          (high == 0 || now - high <= highLimit);
        if (!fits)
            continue;
        // The moment the oldest fix reaches the limit; the grade drops right after it.
        std::int64_t drop = 0;
        if (critical != 0)
            drop = critical + critLimit;
        if (high != 0 && (drop == 0 || high + highLimit < drop))
            drop = high + highLimit;
        return {char('B' + g), drop};
    }
    return {'F', 0};
}

std::vector<ImageSummary> Scoring::images() const
{
    const Facts &facts = *m_facts;
    std::vector<ImageSummary> out(facts.images.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].image = std::uint32_t(i);
    for (std::size_t f = 0; f < facts.size(); ++f) {
        if (!isOpen(f))
            continue;
        ImageSummary &s = out[facts.image[f]];
        const model::Severity sev = severity(f);
        ++s.bySeverity[std::size_t(sev)];
        ++s.openFindings;
        s.riskSum += m_risk[f];
        if ((facts.flags[f] & Fixable) == 0 ||
            (sev != model::Severity::Critical && sev != model::Severity::High))
            continue;
        const VulnFacts &v = facts.vulns[facts.vuln[f]];
        const std::int64_t fixDate =
            m_policy.fixAgeFrom == Policy::FixAgeFrom::Published && v.published > 0
                ? v.published
                : facts.firstSeen[f];
        if (fixDate <= 0)
            continue;
        std::int64_t &oldest =
            sev == model::Severity::Critical ? s.oldestCriticalFix : s.oldestHighFix;
        if (oldest == 0 || fixDate < oldest)
            oldest = fixDate;
    }
    for (ImageSummary &s : out) {
        const auto [grade, drop] = healthGrade(s.oldestCriticalFix, s.oldestHighFix, facts.now);
        s.grade = grade;
        s.nextGradeDrop = drop;
        s.riskSum = std::round(s.riskSum * 1000.0) / 1000.0;
    }
    return out;
}

std::vector<std::int8_t> Scoring::matrixCells(std::string_view vendor) const
{
    const Facts &facts = *m_facts;
    std::uint16_t vendorIndex = 0, nvd = 0;
    for (std::size_t s = 1; s < facts.sources.size(); ++s) {
        if (facts.sources[s] == vendor)
            vendorIndex = std::uint16_t(s);
        if (facts.sources[s] == "nvd")
            nvd = std::uint16_t(s);
    }
    // Per vulnerability: its cell, computed once.
    std::vector<std::int8_t> cell(facts.vulns.size(), -1);
    std::vector<std::int8_t> out(facts.size(), -1);
    for (std::size_t f = 0; f < facts.size(); ++f) {
        if (!isOpen(f))
            continue;
        const std::uint32_t vi = facts.vuln[f];
        if (cell[vi] < 0) {
            const VulnFacts &v = facts.vulns[vi];
            model::Severity row = model::Severity::Unknown;
            bool fromCvssScore = false;
            for (cvss::Version version : m_policy.cvssVersions) {
                for (const CvssFact &c : v.cvss)
                    if (c.source == nvd && nvd != 0 && c.vector.version() == version) {
                        row = fromCvss(cvss::severityOf(version, c.baseTenths));
                        fromCvssScore = true;
                        break;
                    }
                if (fromCvssScore)
                    break;
            }
            model::Severity column = model::Severity::Unknown;
            for (const RatingFact &r : v.ratings) {
                if (!fromCvssScore && r.source == nvd && nvd != 0)
                    row = r.severity;
                if (r.source == vendorIndex && vendorIndex != 0)
                    column = r.severity;
            }
            cell[vi] = std::int8_t(model::reportColumn(row) * 5 + model::reportColumn(column));
        }
        out[f] = cell[vi];
    }
    return out;
}

std::string Scoring::busiestVendor() const
{
    std::string best;
    int bestRated = 0;
    for (const std::string &v : matrix("").vendors) {
        const SeverityMatrix m = matrix(v);
        int rated = 0;
        for (const auto &row : m.findings)
            for (std::size_t c = 0; c < 4; ++c) // columns critical … low: rated
                rated += row[c];
        if (rated > bestRated || best.empty()) {
            bestRated = rated;
            best = v;
        }
    }
    return best;
}

SeverityMatrix Scoring::matrix(std::string_view vendor) const
{
    const Facts &facts = *m_facts;
    SeverityMatrix m;
    m.vendor = std::string(vendor);
    std::vector<bool> hasRatings(facts.sources.size());
    for (const VulnFacts &v : facts.vulns)
        for (const RatingFact &r : v.ratings)
            hasRatings[r.source] = true;
    for (std::size_t s = 1; s < facts.sources.size(); ++s)
        if (hasRatings[s] && facts.sources[s] != "nvd")
            m.vendors.push_back(facts.sources[s]);
    std::sort(m.vendors.begin(), m.vendors.end());

    const std::vector<std::int8_t> cells = matrixCells(vendor);
    std::vector<bool> counted(facts.vulns.size());
    for (std::size_t f = 0; f < facts.size(); ++f) {
        if (cells[f] < 0)
            continue;
        const int r = cells[f] / 5, c = cells[f] % 5;
        ++m.findings[std::size_t(r)][std::size_t(c)];
        if (!counted[facts.vuln[f]]) {
            counted[facts.vuln[f]] = true;
            ++m.distinctVulnerabilities[std::size_t(r)][std::size_t(c)];
        }
    }
    return m;
}

std::vector<std::uint32_t>
Scoring::matrixFindings(std::string_view vendor, int row, int column) const
{
    const std::vector<std::int8_t> cells = matrixCells(vendor);
    std::vector<std::uint32_t> out;
    for (std::size_t f = 0; f < cells.size(); ++f)
        if (cells[f] == row * 5 + column)
            out.push_back(std::uint32_t(f));
    return out;
}

} // namespace patchwise::risk
